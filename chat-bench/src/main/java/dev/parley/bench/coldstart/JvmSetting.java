package dev.parley.bench.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A way of starting the JVM that the cold-start benchmark compares, named by its parts joined with '+', such as
 * {@code cds+c1+crtlib}, or {@code default} for none:
 * <ul>
 *   <li>{@code cds}: an application class-data sharing archive of every class one probe run loaded
 *       ({@code -XX:SharedArchiveFile}, written by a training run with {@code -XX:ArchiveClassesAtExit});</li>
 *   <li>{@code c1}: only the C1 compiler ({@code -XX:TieredStopAtLevel=1}), less compiling while starting;</li>
 *   <li>{@code crtlib}: the CRT's native library found on {@code java.library.path}, as a file of the deployment
 *       package would be, instead of extracted from its jar into a temporary file on every start;</li>
 *   <li>{@code prime}: Parley's SnapStart priming runs after the init, as before a snapshot: the invocation then
 *       shows what is left for the first request after a restore.</li>
 * </ul>
 */
record JvmSetting(String label, boolean cds, boolean c1Only, boolean crtLibrary, boolean prime) {

    private static final Set<String> PARTS = Set.of("cds", "c1", "crtlib", "prime");

    static JvmSetting named(String label) {
        String name = label.strip();
        if (name.equals("default")) {
            return new JvmSetting(name, false, false, false, false);
        }
        List<String> parts = List.of(name.split("\\+"));
        if (parts.isEmpty() || !PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("unknown JVM setting '" + label
                    + "': default, or cds, c1, crtlib and prime joined with '+', such as cds+c1");
        }
        return new JvmSetting(name, parts.contains("cds"), parts.contains("c1"), parts.contains("crtlib"),
                parts.contains("prime"));
    }

    /** The JVM options of this setting, given the handler's archive and the folder holding the CRT's library. */
    List<String> flags(Path archive, Path crtLibraryFolder) {
        List<String> flags = new ArrayList<>();
        if (cds) {
            flags.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        if (c1Only) {
            flags.add("-XX:TieredStopAtLevel=1");
        }
        if (crtLibrary) {
            flags.add("-Djava.library.path=" + crtLibraryFolder.toAbsolutePath());
        }
        return flags;
    }
}
