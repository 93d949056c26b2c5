package jp.madoguchi.application.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.RaiseAlertUseCase;
import jp.madoguchi.application.port.out.AlertChannel;
import jp.madoguchi.application.port.out.AlertLog;
import jp.madoguchi.application.port.out.AlertLog.Alert;

/**
 * Records each alert and sends it to the city's contact; the same alert again within the quiet period is counted on
 * the first, not sent again, so a failing job that retries every minute does not flood the contact.
 */
public final class AlertsService implements RaiseAlertUseCase {

    private final AlertLog log;
    private final AlertChannel channel;
    private final Duration quiet;
    private final Clock clock;

    public AlertsService(AlertLog log, AlertChannel channel, Duration quiet, Clock clock) {
        this.log = log;
        this.channel = channel;
        this.quiet = quiet;
        this.clock = clock;
    }

    @Override
    public void raise(String source, String message) {
        Instant now = clock.instant();
        Optional<Alert> earlier = log.recent(source, message, now.minus(quiet));
        if (earlier.isPresent()) {
            log.repeated(earlier.get().id(), now);
            return;
        }
        Alert alert = log.add(now, source, message);
        if (channel.destination().isEmpty()) {
            return;
        }
        try {
            channel.send(alert);
            log.sent(alert.id(), channel.destination(), "");
        } catch (IOException | RuntimeException e) {
            log.sent(alert.id(), channel.destination(), "送信できません: " + e.getMessage());
        }
    }

    @Override
    public List<Alert> newest(int limit) {
        return log.newest(limit);
    }
}
