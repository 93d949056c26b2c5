package jp.madoguchi.adapters.postgres;

import java.nio.file.Path;

/**
 * A command that starts the embedded PostgreSQL and then waits to be killed: what {@code ./madoguchi import} is when
 * someone presses Ctrl+\ or the machine's watchdog sends {@code kill -9}. Run as its own JVM by the tests.
 */
public final class EmbeddedServerThenSleep {

    private EmbeddedServerThenSleep() {
    }

    public static void main(String[] args) throws InterruptedException {
        ManagedDatabase.embedded(Path.of(args[0]), 1);
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
