package jp.madoguchi.staff.jobs;

import java.time.Clock;
import java.time.LocalDate;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the PDF fonts and prints one form in the background right after start: a cold JVM needs about a second for
 * the first form (half for the 46 MB IPAmj明朝, half for the first layout), which the first clerk should not wait for,
 * and start-up should not either.
 */
@Singleton
public class FormPrintingWarmUp implements ApplicationEventListener<ServerStartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(FormPrintingWarmUp.class);

    private final DesignFormsUseCase forms;
    private final LocalGovernmentCode city;
    private final Clock clock;

    public FormPrintingWarmUp(DesignFormsUseCase forms, Clock clock,
                              Installation installation) {
        this.forms = forms;
        this.clock = clock;
        this.city = installation.city();
    }

    /** After the shipped forms are stored, so a new installation has one to print. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread warmUp = new Thread(this::printOne, "form-printing-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void printOne() {
        long start = System.nanoTime();
        try {
            forms.inForce(city, LocalDate.now(clock)).stream().findFirst()
                    .ifPresent((FormDefinition form) -> forms.preview(form.text()));
            LOG.debug("様式の印刷の準備ができました（{} ms）", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // the first real print will say what is wrong (a missing font, say) to the clerk who asked for it
            LOG.warn("様式の印刷の準備に失敗しました: {}", e.getMessage());
        }
    }
}
