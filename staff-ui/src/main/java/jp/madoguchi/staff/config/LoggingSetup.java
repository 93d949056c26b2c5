package jp.madoguchi.staff.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jp.madoguchi.application.port.in.RaiseAlertUseCase;
import jp.madoguchi.staff.operations.ErrorLogAlerts;
import org.slf4j.LoggerFactory;

/**
 * The server's logs kept in files: {@code madoguchi.logs.folder} (default {@code <data>/logs}), one file a day and at
 * most 100 MB each, kept {@code madoguchi.logs.retention-days} (default 365), as text or as JSON lines
 * ({@code madoguchi.logs.format: json}) for a log collector; and every ERROR raised as an alert.
 */
@Context
@Requires(notEnv = "cli")
public class LoggingSetup {

    private static final String FILE_APPENDER = "madoguchi-file";

    private final Logger root;
    private final RollingFileAppender<ILoggingEvent> file;
    private final ErrorLogAlerts alerts;

    public LoggingSetup(MadoguchiSettings settings, RaiseAlertUseCase raise,
                        @Property(name = "madoguchi.logs.folder", defaultValue = "") String folder,
                        @Property(name = "madoguchi.logs.format", defaultValue = "text") String format,
                        @Property(name = "madoguchi.logs.retention-days", defaultValue = "365") int retentionDays) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Path logs = folder.isBlank() ? settings.dataDir().resolve("logs") : Path.of(folder);
        // a second server in the same JVM (the tests) takes over the appenders rather than adding more
        detach(FILE_APPENDER);
        detach("madoguchi-error-alerts");
        this.file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(logs.resolve("madoguchi.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logs.resolve("madoguchi-%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("100MB"));
        rolling.setMaxHistory(retentionDays);
        rolling.setTotalSizeCap(FileSize.valueOf("20GB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, format));
        file.start();
        root.addAppender(file);
        this.alerts = new ErrorLogAlerts(raise);
        alerts.setContext(context);
        alerts.start();
        root.addAppender(alerts);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equalsIgnoreCase(format)) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setCharset(StandardCharsets.UTF_8);
        text.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        text.start();
        return text;
    }

    private void detach(String name) {
        var existing = root.getAppender(name);
        if (existing != null) {
            root.detachAppender(existing);
            existing.stop();
        }
    }

    @PreDestroy
    void close() {
        root.detachAppender(alerts);
        alerts.stop();
        root.detachAppender(file);
        file.stop();
    }
}
