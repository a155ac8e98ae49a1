package dev.parley.chat.settings.aws;

import java.util.List;

/**
 * How each function's JVM starts in Lambda: the one owner of what the deployment passes, which the cold-start
 * benchmark ({@code bench/cold-start.sh}) reads too, so the setting measured is the setting deployed
 * (docs/benchmarks.md, section 2).
 * <ul>
 *   <li>{@link #TOOL_OPTIONS} in {@value #TOOL_OPTIONS_VARIABLE}: C1 only. Lambda's java21 runtime stops tiered
 *       compilation at level 1 already; stating it keeps the measured setting whatever a runtime's default becomes
 *       (java25 drops it for SnapStart functions).</li>
 *   <li>The CRT's native library as the file {@link #CRT_LIBRARY_ENTRY} of the jar: Lambda unpacks the jar into
 *       {@code /var/task}, whose {@code lib} folder is on {@code LD_LIBRARY_PATH} and so on
 *       {@code java.library.path}; the CRT's {@code System.loadLibrary("aws-crt-jni")} finds it there instead of
 *       extracting 6 MB into {@code /tmp} and running {@code ldd} on every cold start.</li>
 *   <li>No class-data sharing archive: one is valid only for the JVM build that wrote it, which Lambda's runtime
 *       updates change under a deployed jar (the JVM then ignores it), and {@code -XX:+AutoCreateSharedArchive}
 *       writes its archive when the JVM exits, which a Lambda environment never does before it is frozen or
 *       discarded. SnapStart's restore skips class loading altogether, which is all an archive would save.</li>
 * </ul>
 */
public final class LambdaJvm {

    /** The variable the JVM reads options from, which Lambda passes on to it. */
    public static final String TOOL_OPTIONS_VARIABLE = "JAVA_TOOL_OPTIONS";
    public static final List<String> TOOL_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /** The deployed (arm64, glibc) build of the CRT's library, where {@code System.loadLibrary} finds it in Lambda. */
    public static final String CRT_LIBRARY_ENTRY = "lib/libaws-crt-jni.so";

    private LambdaJvm() {}

    /** The value of {@value #TOOL_OPTIONS_VARIABLE}. */
    public static String toolOptions() {
        return String.join(" ", TOOL_OPTIONS);
    }
}
