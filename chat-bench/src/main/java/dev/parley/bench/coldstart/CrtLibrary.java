package dev.parley.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The CRT's native library, taken out of the deployable jar once into a folder, as a deployment package would ship
 * it: {@code System.loadLibrary} then finds it, and the CRT neither extracts 6 MB into a temporary file nor runs
 * {@code ldd} to tell glibc from musl on every cold start.
 */
final class CrtLibrary {

    private static final String FILE_NAME = "libaws-crt-jni.so";

    private CrtLibrary() {}

    /** Extracts the glibc build for this machine's architecture from {@code jar} into {@code folder}; returns folder. */
    static Path extract(Path jar, Path folder) throws IOException {
        String entryName = "linux/" + architecture() + "/glibc/" + FILE_NAME;
        try (JarFile archive = new JarFile(jar.toFile())) {
            ZipEntry entry = archive.getEntry(entryName);
            if (entry == null) {
                throw new IllegalArgumentException(jar + " holds no " + entryName);
            }
            Files.createDirectories(folder);
            try (InputStream library = archive.getInputStream(entry)) {
                Files.copy(library, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "x86_64";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "armv8";
        }
        throw new IllegalStateException("no CRT library for the architecture " + arch);
    }
}
