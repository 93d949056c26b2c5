package jp.madoguchi.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which process started the embedded PostgreSQL on a data folder, kept beside it in {@code <folder>.owner} as
 * {@code pid start-instant}. A command that starts the server stops it when it ends; one killed with {@code kill -9}
 * cannot, and its server would otherwise keep running, be reused by every later start and never be stopped. The start
 * instant guards against a new process that happens to get the dead one's pid.
 */
final class ServerOwner {

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final Path file;

    private ServerOwner(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
    }

    static ServerOwner of(Path dataDirectory) {
        return new ServerOwner(dataDirectory.toAbsolutePath());
    }

    /** Records this process as the one that started the server. */
    void claim() {
        ProcessHandle self = ProcessHandle.current();
        try {
            Files.writeString(file, self.pid() + " " + startOf(self).map(Instant::toString).orElse("-") + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("組み込み PostgreSQL の起動元を記録できません: " + file, e);
        }
    }

    /** Forgets the owner once its server has stopped. */
    void release() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Whether the server running on the folder was started by a process that is gone. Without an owner file (a
     * server from an older version, or one started by hand) the server is taken to be looked after.
     */
    boolean abandoned() {
        List<String> fields;
        try {
            if (!Files.exists(file)) {
                return false;
            }
            fields = List.of(Files.readString(file, StandardCharsets.US_ASCII).strip().split(" "));
        } catch (IOException e) {
            return false;
        }
        if (fields.size() != 2) {
            return false;
        }
        try {
            Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(fields.get(0)));
            return owner.isEmpty() || !owner.get().isAlive()
                    || !startOf(owner.get()).map(Instant::toString).orElse("-").equals(fields.get(1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Stops the abandoned server quickly (PostgreSQL's fast shutdown) and waits until it has gone. */
    void stopAbandoned() {
        Long postmaster = postmasterPid();
        if (postmaster == null) {
            return;
        }
        try {
            // SIGINT is PostgreSQL's fast shutdown: it ends sessions and writes a checkpoint (SIGTERM would wait for them)
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).inheritIO().start().waitFor();
            awaitGone(postmaster);
            release();
        } catch (IOException e) {
            throw new UncheckedIOException("残っていた組み込み PostgreSQL（PID " + postmaster + "）を停止できません", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("組み込み PostgreSQL の停止を待つ間に中断されました", e);
        }
    }

    /**
     * Waits until the server process has exited: {@code pg_ctl stop} returns once the pid file is gone, a moment
     * before the process itself, and a command that ends must leave nothing running.
     */
    void awaitGone(Long postmaster) {
        if (postmaster == null) {
            return;
        }
        Instant deadline = Instant.now().plus(STOP_WAIT);
        try {
            while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("組み込み PostgreSQL（PID " + postmaster + "）が"
                            + STOP_WAIT.toSeconds() + "秒以内に停止しません。停止してから起動し直してください");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("組み込み PostgreSQL の停止を待つ間に中断されました", e);
        }
    }

    /** The server's process id from its {@code postmaster.pid}, or null when none is recorded. */
    Long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? null : Long.valueOf(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
