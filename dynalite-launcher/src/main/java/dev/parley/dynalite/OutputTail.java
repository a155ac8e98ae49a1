package dev.parley.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's output stream on a daemon thread, so the process never blocks on a full pipe, and keeps its
 * last few kilobytes to explain a failure.
 */
final class OutputTail {

    private static final int KEPT_BYTES = 8 * 1024;

    private final byte[] tail = new byte[KEPT_BYTES];
    private int length;
    private final Thread drainer;

    private OutputTail(InputStream stream, String threadName) {
        drainer = new Thread(() -> drain(stream), threadName);
        drainer.setDaemon(true);
    }

    static OutputTail drain(InputStream stream, String threadName) {
        OutputTail output = new OutputTail(stream, threadName);
        output.drainer.start();
        return output;
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[1024];
        try (stream) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                append(buffer, read);
            }
        } catch (IOException e) {
            // The process ended and its pipe closed under us: what was read so far is all there is.
        }
    }

    private synchronized void append(byte[] bytes, int count) {
        int kept = Math.min(count, KEPT_BYTES);
        int overflow = Math.max(0, length + kept - KEPT_BYTES);
        System.arraycopy(tail, overflow, tail, 0, length - overflow);
        length -= overflow;
        System.arraycopy(bytes, count - kept, tail, length, kept);
        length += kept;
    }

    /** The last output, after waiting briefly for the drainer to read what a just-ended process left. */
    String text() {
        try {
            drainer.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return new String(tail, 0, length, StandardCharsets.UTF_8).strip();
        }
    }
}
