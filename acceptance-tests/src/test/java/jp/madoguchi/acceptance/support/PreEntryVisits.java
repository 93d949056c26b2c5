package jp.madoguchi.acceptance.support;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visits opened the quickest way over HTTP: a 事前入力 code made on the phone page, then scanned at a kiosk, which
 * answers with the new reception's slip. For tests and benchmarks that need many visits without a card.
 */
public final class PreEntryVisits {

    private static final Pattern QR = Pattern.compile("id=\"qr\"[^>]*src=\"([^\"]+)\"|src=\"([^\"]+)\"[^>]*id=\"qr\"");

    private PreEntryVisits() {
    }

    /** The code of a new pre-entry for {@code procedure}, read from the QR code on the page. */
    public static String code(HttpClient http, WebAddress app, String procedure) {
        HttpResponse<String> page = KioskRegistration.post(http, app, "/kiosk/pre-entry",
                KioskRegistration.anonymous(http, app), "procedure=" + procedure);
        Matcher qr = QR.matcher(page.body());
        if (!qr.find()) {
            throw new IllegalStateException("事前入力のQRコードが出ません: " + page.statusCode());
        }
        String dataUri = qr.group(1) != null ? qr.group(1) : qr.group(2);
        return GeneratedCodes.read(dataUri);
    }

    /** Scans a new code for {@code procedure} at {@code kiosk}; the kiosk's answer (303 to the slip when opened). */
    public static HttpResponse<String> scan(HttpClient http, WebAddress app, StaffLogin.Session kiosk, String procedure) {
        return KioskRegistration.post(http, app, "/kiosk/pre-entry/scan", kiosk,
                "code=" + URLEncoder.encode(code(http, app, procedure), StandardCharsets.UTF_8));
    }

    /** The reception number a scan answer sends the kiosk to. */
    public static String receptionNumber(HttpResponse<String> scanAnswer) {
        if (scanAnswer.statusCode() != 303) {
            Matcher error = Pattern.compile("id=\"error\"[^>]*>([^<]*)<").matcher(scanAnswer.body());
            throw new IllegalStateException("受付になりませんでした: " + scanAnswer.statusCode()
                    + (error.find() ? " " + error.group(1) : ""));
        }
        return slipNumber(scanAnswer.headers().firstValue("Location").orElseThrow());
    }

    /** The reception number in a slip address ({@code /kiosk/slip/20261122-0007?print=printed}). */
    public static String slipNumber(String location) {
        String number = location.substring("/kiosk/slip/".length());
        return number.contains("?") ? number.substring(0, number.indexOf('?')) : number;
    }
}
