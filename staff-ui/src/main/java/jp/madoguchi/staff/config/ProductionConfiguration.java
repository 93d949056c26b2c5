package jp.madoguchi.staff.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jp.madoguchi.adapters.security.crypto.SecretFiles;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * A production installation's settings, as {@code ./madoguchi setup} decides them and writes them to
 * {@code <data>/madoguchi.yml} (readable by its owner only: it may hold the database password), and as
 * {@code ./madoguchi start} reads them back. The demo is off for good, the server serves HTTPS with the city's
 * certificate or sits behind a listed reverse proxy, and the keys live in {@code <data>/secrets}.
 */
public record ProductionConfiguration(Path dataDir, String cityCode, String administrator, String administratorName,
                                      String url, Map<String, Object> properties) {

    public static final String FILE_NAME = "madoguchi.yml";

    public ProductionConfiguration {
        properties = Map.copyOf(properties);
    }

    /**
     * The settings from the setup's options; files named by {@code *-file} options are read with {@code secrets}.
     *
     * @throws IllegalArgumentException with what to fix, for the person at the terminal
     */
    public static ProductionConfiguration from(Map<String, String> options, Function<Path, String> secrets) {
        Path data = Path.of(required(options, "data", "データフォルダ（--data）を指定してください")).toAbsolutePath().normalize();
        if (Files.exists(data.resolve(FILE_NAME))) {
            throw new IllegalArgumentException(data.resolve(FILE_NAME) + " がもうあります。設置済みのフォルダです（やり直すときは新しいフォルダを指定してください）");
        }
        if (Files.exists(data.resolve("postgres"))) {
            throw new IllegalArgumentException(data + " にはもうデータベースがあります。本番は新しいデータフォルダで設置してください（デモのフォルダは使えません）");
        }
        String city = required(options, "city-code", "地方公共団体コード（--city-code、6桁）を指定してください");
        LocalGovernmentCode code = new LocalGovernmentCode(city);
        if (code.value().equals(DemoMode.DEMO_CITY)) {
            throw new IllegalArgumentException("999997 はデモの架空の市のコードです。市の地方公共団体コードを指定してください");
        }
        Map<String, Object> p = new TreeMap<>();
        p.put("madoguchi.production", true);
        p.put("madoguchi.demo.enabled", false);
        p.put("madoguchi.data-dir", data.toString());
        p.put("madoguchi.city.code", code.value());
        p.put("madoguchi.city.name", required(options, "city-name", "市区町村名（--city-name）を指定してください"));
        p.put("madoguchi.city.prefecture", options.getOrDefault("prefecture", ""));
        // each counter PC runs its own terminal agent; the server lends no reader of its own
        p.put("madoguchi.terminal-agent.embedded", false);
        p.put("madoguchi.security.secure-cookies", true);
        p.put("micronaut.security.token.cookie.cookie-name", "__Host-MADOGUCHI_SESSION");
        p.put("micronaut.security.token.cookie.cookie-secure", true);
        String host = options.getOrDefault("host", "0.0.0.0");
        p.put("micronaut.server.host", host);
        boolean tls = options.containsKey("tls-keystore") || options.containsKey("tls-cert");
        if (tls == options.containsKey("proxy")) {
            throw new IllegalArgumentException("HTTPS の証明書（--tls-keystore か --tls-cert と --tls-key）か、前に立つリバースプロキシの"
                    + "アドレス（--proxy）のどちらか一方を指定してください。本番は平文の HTTP だけでは起動しません");
        }
        int port = Integer.parseInt(options.getOrDefault("port", tls ? "8443" : "8080"));
        if (tls) {
            p.put("micronaut.server.ssl.enabled", true);
            p.put("micronaut.server.ssl.port", port);
            p.put("micronaut.server.ssl.build-self-signed", false);
            // no plain-HTTP listener beside the HTTPS one
            p.put("micronaut.server.port", -1);
            p.put("micronaut.server.dual-protocol", false);
            if (options.containsKey("tls-keystore")) {
                p.put("micronaut.server.ssl.key-store.path", "file:" + existing(options.get("tls-keystore")));
                p.put("micronaut.server.ssl.key-store.type", "PKCS12");
                p.put("micronaut.server.ssl.key-store.password", secrets.apply(existing(required(options,
                        "tls-keystore-password-file", "PKCS#12 のパスワードのファイル（--tls-keystore-password-file）を指定してください"))));
            } else {
                p.put("micronaut.server.ssl.key-store.certificate-path", "file:" + existing(options.get("tls-cert")));
                p.put("micronaut.server.ssl.key-store.key-path", "file:" + existing(required(options, "tls-key",
                        "PEM の秘密鍵（--tls-key）を指定してください")));
            }
        } else {
            p.put("micronaut.server.port", port);
            p.put("madoguchi.security.trusted-proxies", List.of(options.get("proxy").split(",")));
        }
        if (options.containsKey("db-url")) {
            p.put("madoguchi.database.url", options.get("db-url"));
            p.put("madoguchi.database.username", required(options, "db-user", "データベースの利用者（--db-user）を指定してください"));
            p.put("madoguchi.database.password", secrets.apply(existing(required(options, "db-password-file",
                    "データベースのパスワードのファイル（--db-password-file）を指定してください"))));
            if (options.containsKey("db-owner")) {
                p.put("madoguchi.database.owner-username", options.get("db-owner"));
                p.put("madoguchi.database.owner-password", secrets.apply(existing(required(options,
                        "db-owner-password-file", "所有者のパスワードのファイル（--db-owner-password-file）を指定してください"))));
            }
        }
        if (!options.containsKey("db-url")) {
            // the embedded database is backed up by Madoguchi itself; a city's own PostgreSQL by its administrator
            p.put("madoguchi.backup.enabled", true);
            if (options.containsKey("backup-folder")) {
                p.put("madoguchi.backup.folder", Path.of(options.get("backup-folder")).toAbsolutePath().toString());
            }
        }
        String shown = "0.0.0.0".equals(host) ? "https://<このサーバーの名前>" : (tls ? "https://" : "http://") + host;
        return new ProductionConfiguration(data, code.value(), options.getOrDefault("admin", "sysadmin"),
                options.getOrDefault("admin-name", "システム管理者"), tls ? shown + ":" + port : shown + "（プロキシ経由）", p);
    }

    /** The keys in {@code <data>/secrets} (made now, owner-only) and the settings file; returns the file. */
    public Path write() {
        try {
            Path secrets = dataDir.resolve("secrets");
            SecretFiles.readOrCreate(secrets.resolve("data-key"), 32);
            SecretFiles.readOrCreate(secrets.resolve("jwt-secret"), 48);
            SecretFiles.readOrCreate(secrets.resolve("handoff-key"), 32);
            SecretFiles.readOrCreate(secrets.resolve("backup-key"), 32);
            Path file = dataDir.resolve(FILE_NAME);
            SecretFiles.writePrivately(file, yaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("設定を書けません: " + dataDir, e);
        }
    }

    /** The properties a process of this installation runs with: the file's, and the login-token key. */
    public Map<String, Object> runtimeProperties() {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put(SIGNING_KEY, signingKey(dataDir));
        return all;
    }

    static final String SIGNING_KEY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    /**
     * The key that signs staff login tokens, made on first start and kept (owner-only) in {@code <data>/secrets}, so
     * logins survive a restart.
     */
    public static String signingKey(Path data) {
        return SecretFiles.readOrCreate(data.resolve("secrets").resolve("jwt-secret"), 48);
    }

    /** The settings as nested YAML, every value quoted (JSON strings are YAML): what the city keeps and edits. */
    String yaml() {
        Map<String, Object> tree = new TreeMap<>();
        properties.forEach((key, value) -> {
            Map<String, Object> node = tree;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new TreeMap<String, Object>());
                node = next;
            }
            node.put(parts[parts.length - 1], value);
        });
        StringBuilder text = new StringBuilder("# Madoguchi 本番設定（./madoguchi setup が作成）。所有者だけが読めるようにしてください。\n");
        write(text, tree, 0);
        return text.toString();
    }

    private static void write(StringBuilder text, Map<String, Object> node, int depth) {
        node.forEach((key, value) -> {
            text.append("  ".repeat(depth)).append(key).append(':');
            if (value instanceof Map<?, ?> child) {
                text.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) child;
                write(text, map, depth + 1);
            } else if (value instanceof List<?> list) {
                text.append('\n');
                list.forEach(item -> text.append("  ".repeat(depth + 1)).append("- ").append(scalar(item)).append('\n'));
            } else {
                text.append(' ').append(scalar(value)).append('\n');
            }
        });
    }

    private static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The settings of the installation in {@code data} as a property source above the defaults, with what a production
     * process always runs with: the demo off, production checks on, the data folder, the login-token key.
     */
    public static io.micronaut.context.env.PropertySource load(Path data) {
        Path folder = data.toAbsolutePath().normalize();
        Path file = fileIn(folder);
        Map<String, Object> all = new LinkedHashMap<>();
        try (var in = Files.newInputStream(file)) {
            all.putAll(new io.micronaut.context.env.yaml.YamlPropertySourceLoader().read(file.toString(), in));
        } catch (IOException e) {
            throw new UncheckedIOException("設定を読めません: " + file, e);
        }
        all.put("madoguchi.production", true);
        all.put("madoguchi.demo.enabled", false);
        all.put("madoguchi.data-dir", folder.toString());
        all.put(SIGNING_KEY, signingKey(folder));
        // above application.yml and the environment's placeholders in it
        return io.micronaut.context.env.PropertySource.of("madoguchi-production", all, 1000);
    }

    /** Reads an installation back: the settings file in {@code data}. */
    public static Path fileIn(Path data) {
        Path file = data.toAbsolutePath().normalize().resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " がありません。先に ./madoguchi setup --data " + data + " で設置してください");
        }
        return file;
    }

    private static String required(Map<String, String> options, String name, String message) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }

    private static Path existing(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("ファイルを読めません: " + path);
        }
        return path;
    }
}
