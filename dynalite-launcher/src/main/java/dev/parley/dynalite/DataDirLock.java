package dev.parley.dynalite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LevelDB's {@code LOCK} file in dynalite's data dir: a second dynalite on a locked dir starts, then fails at its
 * first call with "Database is not open". Checked before starting, so the error names who holds it instead.
 */
final class DataDirLock {

    static final String LOCK_FILE = "LOCK";
    /** A held lock in Linux's /proc/locks: {@code 1: POSIX  ADVISORY  WRITE 25517 fe:00:2162837 0 EOF}. */
    private static final Pattern PROC_LOCK = Pattern.compile(
            "^\\d+: \\S+\\s+\\S+\\s+\\S+\\s+(\\d+) ([0-9a-f]+):([0-9a-f]+):(\\d+) ");
    private static final Path PROC_LOCKS = Path.of("/proc/locks");
    private static final int LONGEST_COMMAND = 300;

    private DataDirLock() {
    }

    /** Throws a one-line {@link DynaliteStartException} naming the holder when another process holds the lock. */
    static void requireFree(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile) || isFree(lockFile)) {
            return;
        }
        String where = dataDir.toAbsolutePath().toString();
        throw new DynaliteStartException(holder(lockFile)
                .map(holder -> "dynalite's data dir " + where + " is in use by process " + holder.pid() + " ("
                        + command(holder) + "): stop it (kill " + holder.pid() + ") or use another data dir")
                .orElseGet(() -> "dynalite's data dir " + where + " is in use by another process (`lsof "
                        + lockFile.toAbsolutePath() + "` names it): stop it or use another data dir"));
    }

    /** Whether no process holds the lock; LevelDB and the JDK both lock with fcntl, on Linux and macOS alike. */
    private static boolean isFree(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (IOException unreadable) {
            return true; // not ours to judge: dynalite reports what it finds
        }
    }

    /** Linux only: the process /proc/locks lists for the file's device and inode. */
    static Optional<ProcessHandle> holder(Path lockFile) {
        try {
            long inode = ((Number) Files.getAttribute(lockFile, "unix:ino")).longValue();
            long device = ((Number) Files.getAttribute(lockFile, "unix:dev")).longValue();
            try (var lines = Files.lines(PROC_LOCKS)) {
                return lines.map(PROC_LOCK::matcher)
                        .filter(Matcher::find)
                        .filter(lock -> Long.parseLong(lock.group(4)) == inode
                                && Long.parseLong(lock.group(2), 16) == major(device)
                                && Long.parseLong(lock.group(3), 16) == minor(device))
                        .map(lock -> Long.parseLong(lock.group(1)))
                        .findFirst()
                        .flatMap(ProcessHandle::of);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
            return Optional.empty();
        }
    }

    private static String command(ProcessHandle holder) {
        String command = holder.info().commandLine()
                .map(line -> line.replace(Dynalite.PARENT_GUARD, "<parent guard>").replaceAll("\\s+", " "))
                .orElse("command unknown");
        return command.length() <= LONGEST_COMMAND ? command : command.substring(0, LONGEST_COMMAND) + "…";
    }

    /** glibc's major() and minor() of a dev_t. */
    private static long major(long device) {
        return ((device >>> 8) & 0xfffL) | ((device >>> 32) & ~0xfffL);
    }

    private static long minor(long device) {
        return (device & 0xffL) | ((device >>> 12) & ~0xffL);
    }
}
