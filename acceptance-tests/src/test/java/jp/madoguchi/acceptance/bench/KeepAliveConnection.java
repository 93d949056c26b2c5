package jp.madoguchi.acceptance.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One simulated staff browser: a kept-alive HTTP/1.1 connection that sends a GET or a form and reads the whole response.
 * Deliberately tiny — the JDK's HttpClient cost more CPU than the server it measured on this 2-core machine, so the
 * benchmark was measuring its own client (docs/benchmarks.md).
 */
final class KeepAliveConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    KeepAliveConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** @return the status code, after the body has been read */
    int get(String path, String cookie) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nCookie: " + cookie + "\r\n\r\n");
    }

    /** A form posted as the search page posts it: the terms in the body, the CSRF token in its header. */
    int post(String path, String form, String cookie, String csrfToken) throws IOException {
        return send("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nCookie: " + cookie
                + "\r\nX-CSRF-Token: " + csrfToken + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + form);
    }

    private int send(String request) throws IOException {
        try {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            int status = Integer.parseInt(line().substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = chunk(); size > 0; size = chunk()) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private long chunk() throws IOException {
        return Long.parseLong(line().split(";")[0].strip(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("接続が切れました");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long n) throws IOException {
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("接続が切れました");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
        socket = null;
    }
}
