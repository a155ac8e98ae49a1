package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.settings.aws.LambdaJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deployable jar: what Lambda gets must hold the handlers and their wiring, and no heavy HTTP clients. */
class LambdaArtifactIT {

    /** Lambda's limit for a directly uploaded deployment package. */
    private static final long LAMBDA_ZIP_LIMIT_BYTES = 50L * 1024 * 1024;

    private static Path artifact;
    private static List<String> entries;

    @BeforeAll
    static void openArtifact() throws IOException {
        artifact = Path.of(System.getProperty("parley.lambda.artifact", "target/chat-lambda.jar"));
        try (JarFile jar = new JarFile(artifact.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void givenTheShadedJar_entries_holdEveryHandlerAndTheGeneratedComponent() {
        for (WebSocketRoute route : WebSocketRoute.values()) {
            assertThat(entries).contains(classFile(route.handler()));
        }
        assertThat(entries).contains(classFile(BroadcastRoute.HANDLER),
                "dev/parley/chat/wiring/DaggerChatComponent.class");
    }

    @Test
    void givenTheShadedJar_entries_holdNoApacheOrNettyHttpClient() {
        assertThat(entries).noneMatch(name -> name.startsWith("org/apache/http/")
                || name.startsWith("org/apache/hc/")
                || name.startsWith("io/netty/")
                || name.startsWith("software/amazon/awssdk/http/apache")
                || name.startsWith("software/amazon/awssdk/http/nio/netty"));
        assertThat(entries).anyMatch(name -> name.startsWith("software/amazon/awssdk/http/urlconnection/"))
                .anyMatch(name -> name.startsWith("software/amazon/awssdk/http/crt/"));
    }

    /** Lambda finds it on {@code LD_LIBRARY_PATH} (/var/task/lib): the deployed arm64 glibc build, byte for byte. */
    @Test
    void givenTheShadedJar_crtLibraryFile_isTheCrtsArm64GlibcBuild() throws IOException {
        try (JarFile jar = new JarFile(artifact.toFile())) {
            byte[] file = bytesOf(jar, LambdaJvm.CRT_LIBRARY_ENTRY);
            byte[] arm64 = bytesOf(jar, "linux/armv8/glibc/libaws-crt-jni.so");

            assertThat(file).isEqualTo(arm64);
            // ELF, 64-bit, e_machine 183 (AArch64)
            assertThat(Arrays.copyOf(file, 4)).isEqualTo(new byte[] {0x7f, 'E', 'L', 'F'});
            assertThat(file[4]).isEqualTo((byte) 2);
            assertThat(file[18] & 0xff | (file[19] & 0xff) << 8).isEqualTo(183);
        }
    }

    @Test
    void givenTheShadedJar_size_fitsLambdasDirectUploadLimit() throws IOException {
        assertThat(Files.size(artifact)).isLessThan(LAMBDA_ZIP_LIMIT_BYTES);
    }

    private static byte[] bytesOf(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (var in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String classFile(String handler) {
        return handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
    }
}
