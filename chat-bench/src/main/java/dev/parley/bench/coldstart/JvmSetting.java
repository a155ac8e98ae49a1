package dev.parley.bench.coldstart;

import dev.parley.chat.settings.aws.LambdaJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A way of starting the JVM that the cold-start benchmark compares, named by its parts joined with '+', such as
 * {@code cds+c1+crtlib}, or {@code default} for none. Every part is something a Lambda function can be given too:
 * through {@code JAVA_TOOL_OPTIONS}, its deployment package, or (priming) SnapStart.
 */
record JvmSetting(String label, Set<JvmSetting.Part> parts) {

    /** What the probe passes to {@code org.crac} so that priming runs through the hook registered with it. */
    static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=dev.parley.bench.coldstart.probe.crac";

    enum Part {
        /**
         * An application class-data sharing archive of every class one probe run loaded
         * ({@code -XX:SharedArchiveFile}, written by a training run with {@code -XX:ArchiveClassesAtExit}).
         */
        CDS,
        /**
         * The deployed {@code JAVA_TOOL_OPTIONS} ({@link LambdaJvm#TOOL_OPTIONS}, read from the same owner as the
         * deployment): only the C1 compiler ({@code -XX:TieredStopAtLevel=1}), less compiling while starting.
         */
        C1,
        /**
         * The CRT's native library found on {@code java.library.path}, as the deployed jar's
         * {@link LambdaJvm#CRT_LIBRARY_ENTRY} is in Lambda (through {@code LD_LIBRARY_PATH}), instead of extracted from
         * its jar into a temporary file on every start. This machine's build of it: the deployed one is arm64's.
         */
        CRTLIB,
        /**
         * Parley's SnapStart priming runs after the init, through the {@code org.crac} hook the handler registered,
         * as before a snapshot: the invocation then shows what is left for the first request after a restore.
         */
        PRIME
    }

    JvmSetting {
        parts = Set.copyOf(parts);
    }

    static JvmSetting named(String label) {
        String name = label.strip();
        if (name.equals("default")) {
            return new JvmSetting(name, Set.of());
        }
        Set<String> known = Arrays.stream(Part.values()).map(part -> part.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> parts = List.of(name.split("\\+"));
        if (parts.isEmpty() || !known.containsAll(parts)) {
            throw new IllegalArgumentException("unknown JVM setting '" + label + "': default, or "
                    + String.join(", ", known.stream().sorted().toList()) + " joined with '+', such as cds+c1");
        }
        return new JvmSetting(name, parts.stream().map(part -> Part.valueOf(part.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet()));
    }

    boolean cds() {
        return parts.contains(Part.CDS);
    }

    boolean crtLibrary() {
        return parts.contains(Part.CRTLIB);
    }

    boolean prime() {
        return parts.contains(Part.PRIME);
    }

    /** The JVM options of this setting, given the handler's archive and the folder holding the CRT's library. */
    List<String> flags(Path archive, Path crtLibraryFolder) {
        List<String> flags = new ArrayList<>();
        // In the parts' order, whatever the label's.
        for (Part part : Arrays.stream(Part.values()).filter(parts::contains).toList()) {
            flags.addAll(switch (part) {
                case CDS -> List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
                case C1 -> LambdaJvm.TOOL_OPTIONS;
                case CRTLIB -> List.of("-Djava.library.path=" + crtLibraryFolder.toAbsolutePath());
                case PRIME -> List.of(CRAC_COMPAT);
            });
        }
        return flags;
    }
}
