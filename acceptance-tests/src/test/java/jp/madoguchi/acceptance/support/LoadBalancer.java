package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real HAProxy (Debian's package, installed by {@code scripts/install-prerequisites.sh}) in front of several
 * servers, round-robin, with the configuration the README recommends: health checks on {@code /ops/health/ready},
 * and a request whose connection a stopped server refused sent to the next one.
 */
public final class LoadBalancer implements WebAddress, AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;
    private final Path folder;

    private LoadBalancer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /** The configuration for {@code servers} (host:port) behind {@code port}; the README shows the same. */
    public static String configuration(int port, List<String> servers) {
        StringBuilder backends = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            backends.append("    server madoguchi").append(i + 1).append(' ').append(servers.get(i)).append(" check\n");
        }
        return """
                global
                    maxconn 1024
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # a request whose connection was refused (a stopped server) goes to the next server;
                    # one a server has started on is never sent twice
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend madoguchi
                    bind 127.0.0.1:%d
                    option forwardfor
                    default_backend servers
                backend servers
                    balance roundrobin
                    option httpchk GET /ops/health/ready
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                %s""".formatted(port, backends);
    }

    public static LoadBalancer start(int port, List<RunningMadoguchi> servers) {
        try {
            Path folder = Files.createTempDirectory("madoguchi-haproxy");
            Path config = folder.resolve("haproxy.cfg");
            Files.writeString(config, configuration(port,
                    servers.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.toList())));
            if (!Files.isExecutable(HAPROXY)) {
                throw new IllegalStateException("HAProxy がありません: scripts/install-prerequisites.sh を実行してください");
            }
            Process process = new ProcessBuilder(HAPROXY.toString(), "-f", config.toString(), "-db")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
            LoadBalancer balancer = new LoadBalancer(process, port, folder);
            balancer.awaitListening();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free loopback port, for a balancer whose address the servers must know before it starts. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy が起動しませんでした: " + Files.readString(folder.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy が 10 秒で待ち受けを始めませんでした");
    }

    @Override
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public String log() {
        try {
            return Files.readString(folder.resolve("haproxy.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
