package jp.madoguchi.staff.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a start is the demo, decided by the launcher before the server exists. The demo (published passwords, the
 * second-factor code on the login page, synthetic residents) is only ever a show on one PC: it binds to 127.0.0.1, and
 * anything that says "this is a real installation" turns it off — another listening address, an external database,
 * or a city code other than the demo's. The server itself refuses a demo on a non-loopback address
 * ({@link ProductionSafety}), so a setting that slips past the launcher cannot expose it either.
 *
 * @param on      the demo runs
 * @param host    the address to listen on (empty: the server's default, every interface)
 * @param reasons why a requested demo was turned off, in the words the start prints
 */
public record DemoMode(boolean on, String host, List<String> reasons) {

    /** The demo's city, 見本県みらい市 (it does not exist). */
    public static final String DEMO_CITY = "999997";
    public static final String LOOPBACK = "127.0.0.1";

    public DemoMode {
        reasons = List.copyOf(reasons);
    }

    /** Decides from the installation's settings ({@code MADOGUCHI_*} environment variables, by name). */
    public static DemoMode decide(Function<String, String> settings) {
        boolean requested = !"false".equalsIgnoreCase(value(settings, "MADOGUCHI_DEMO", "true"));
        String host = value(settings, "MADOGUCHI_HOST", "");
        List<String> reasons = new ArrayList<>();
        if (!host.isEmpty() && !isLoopback(host)) {
            reasons.add("待ち受けアドレス " + host + " にはほかの端末から届くため");
        }
        if (!value(settings, "MADOGUCHI_DB_URL", "").isEmpty()) {
            reasons.add("外部のデータベース（MADOGUCHI_DB_URL）を使うため");
        }
        String city = value(settings, "MADOGUCHI_CITY_CODE", DEMO_CITY);
        if (!city.equals(DEMO_CITY)) {
            reasons.add("市区町村コード " + city + " がデモの " + DEMO_CITY + " と違うため");
        }
        boolean on = requested && reasons.isEmpty();
        return new DemoMode(on, on && host.isEmpty() ? LOOPBACK : host, requested ? reasons : List.of());
    }

    /** The properties the server starts with. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("madoguchi.demo.enabled", on);
        if (!host.isEmpty()) {
            properties.put("micronaut.server.host", host);
        }
        return properties;
    }

    /** What the start says about it. */
    public String announcement() {
        if (on) {
            return "デモとして起動します。このPC（" + host + "）からだけ使えます。データはすべて合成で、パスワードは公開されています。";
        }
        return reasons.isEmpty() ? "本番として起動します（デモのアカウントとデータはありません）。"
                : "デモを無効にして起動します: " + String.join("、", reasons) + "。";
    }

    /** Whether {@code host} names this machine only (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.strip())) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String value(Function<String, String> settings, String name, String fallback) {
        String v = settings.apply(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
