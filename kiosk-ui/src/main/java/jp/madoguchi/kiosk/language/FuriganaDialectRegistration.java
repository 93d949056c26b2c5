package jp.madoguchi.kiosk.language;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;

/** Adds {@link FuriganaDialect} to the template engine Micronaut Views builds. */
@Singleton
public class FuriganaDialectRegistration implements BeanCreatedEventListener<TemplateEngine> {

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.addDialect(new FuriganaDialect());
        return engine;
    }
}
