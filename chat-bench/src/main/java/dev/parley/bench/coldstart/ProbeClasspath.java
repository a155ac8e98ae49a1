package dev.parley.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the probed JVMs load: copies of the deployable {@code chat-lambda.jar} and of the probe's own small jar, as
 * Lambda would load the function's jar beside its runtime; or, for the smoke run, this JVM's own classpath.
 *
 * @param value        the {@code -cp} value
 * @param onlyJars     whether every entry is a jar (class-data sharing archives nothing else)
 */
record ProbeClasspath(String value, boolean onlyJars) {

    /**
     * Copies of the two jars in {@code folder}: a class-data sharing archive is only valid for the jars it was
     * written with, and a build elsewhere may replace the originals while the benchmark runs.
     */
    static ProbeClasspath copyOf(Path probeJar, Path lambdaJar, Path folder) {
        StringBuilder classpath = new StringBuilder();
        for (Path jar : new Path[] {probeJar, lambdaJar}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath()
                        + " (build chat-lambda and chat-bench first: see bench/cold-start.sh)");
            }
            try {
                Files.createDirectories(folder);
                Path copy = Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                classpath.append(classpath.length() == 0 ? "" : File.pathSeparator).append(copy.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + jar + " to " + folder, e);
            }
        }
        return new ProbeClasspath(classpath.toString(), true);
    }

    static ProbeClasspath ofThisJvm() {
        return new ProbeClasspath(System.getProperty("java.class.path"), false);
    }
}
