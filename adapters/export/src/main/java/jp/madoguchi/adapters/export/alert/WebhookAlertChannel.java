package jp.madoguchi.adapters.export.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jp.madoguchi.application.port.out.AlertChannel;
import jp.madoguchi.application.port.out.AlertLog.Alert;

/**
 * Alerts posted as JSON to the city's webhook ({@code {"text": …, "source": …, "raisedAt": …, "city": …}}): the
 * {@code text} field is what chat systems (Teams, Slack, Mattermost, Rocket.Chat) show as the message.
 */
public final class WebhookAlertChannel implements AlertChannel {

    private final String url;
    private final String cityName;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookAlertChannel(String url, String cityName) {
        this.url = url == null ? "" : url.strip();
        this.cityName = cityName;
    }

    @Override
    public String destination() {
        return url;
    }

    @Override
    public void send(Alert alert) throws IOException {
        String text = "【書かない窓口 " + cityName + "】" + alert.message();
        String body = "{\"text\":" + json(text) + ",\"source\":" + json(alert.source()) + ",\"raisedAt\":"
                + json(alert.raisedAt().toString()) + ",\"city\":" + json(cityName) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("通知先が " + response.statusCode() + " を返しました");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("通知の送信が中断されました", e);
        }
    }

    /** A JSON string literal. */
    static String json(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
