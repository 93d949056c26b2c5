package jp.madoguchi.adapters.documents.printing;

import java.nio.file.Path;

import javax.print.PrintServiceLookup;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;

/**
 * In the demo, a print queue named デモプリンタ that "prints" into {@code data/printed}, so printing to a network
 * printer can be tried (and tested) without one; real queues come from CUPS.
 */
@Factory
@Requires(property = "madoguchi.demo.enabled", value = "true")
public class DemoPrinterFactory {

    public static final String NAME = "デモプリンタ";

    /** javax.print keeps registered services for the life of the JVM: one demo queue per JVM, however many servers. */
    private static SimulatedPrintQueue registered;

    @Context
    SimulatedPrintQueue demoPrinter(@Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir) {
        synchronized (DemoPrinterFactory.class) {
            if (registered == null) {
                registered = new SimulatedPrintQueue(NAME, Path.of(dataDir, "printed").toAbsolutePath());
                PrintServiceLookup.registerService(registered);
            }
            return registered;
        }
    }
}
