package jp.madoguchi.staff.operations;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import jp.madoguchi.application.port.in.RaiseAlertUseCase;

/**
 * Every ERROR the server logs becomes an alert: recorded for the administrator's page and sent to the city's contact.
 * Sending happens on its own thread, never in the request or job that logged; what goes wrong while alerting is not
 * alerted again, and beyond 1,000 waiting alerts the newest are dropped rather than the server slowed.
 */
public final class ErrorLogAlerts extends AppenderBase<ILoggingEvent> {

    static final String THREAD = "madoguchi-alerts";

    private final RaiseAlertUseCase alerts;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread thread = new Thread(r, THREAD);
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public ErrorLogAlerts(RaiseAlertUseCase alerts) {
        this.alerts = alerts;
        setName("madoguchi-error-alerts");
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.ERROR) || THREAD.equals(Thread.currentThread().getName())) {
            return;
        }
        String source = event.getLoggerName();
        String message = event.getFormattedMessage();
        sender.execute(() -> {
            try {
                alerts.raise(source, message);
            } catch (RuntimeException ignored) {
                // the database may be what failed; the log line itself is still in the log file
            }
        });
    }

    @Override
    public void stop() {
        sender.shutdown();
        super.stop();
    }
}
