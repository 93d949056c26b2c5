package jp.madoguchi.application.failpoint;

import java.io.IOException;

/**
 * Named places where the fault-injection suite kills the process with {@code kill -9}, to prove that what a crash
 * leaves behind is recovered: an import half-copied, a backup half-written, a certificate half-done. Off unless the
 * JVM is started with {@code -Dmadoguchi.failpoint=<name>} (the suite's child processes only); then the process
 * sends itself SIGKILL on reaching that place — no shutdown hook, no finally block, no flush, as a power cut.
 */
public final class FailPoints {

    private static final String ARMED = System.getProperty("madoguchi.failpoint", "");

    private FailPoints() {
    }

    public static void reach(String name) {
        if (!ARMED.isEmpty() && ARMED.equals(name)) {
            kill(name);
        }
    }

    private static void kill(String name) {
        System.err.println("failpoint " + name + ": kill -9");
        System.err.flush();
        try {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            Thread.sleep(10_000);   // the signal arrives while we wait
        } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(137);
        }
        Runtime.getRuntime().halt(137);
    }
}
