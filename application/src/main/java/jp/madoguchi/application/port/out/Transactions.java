package jp.madoguchi.application.port.out;

import java.util.function.Supplier;

/**
 * The unit of work: everything a use case writes inside {@link #inTransaction} — the reception, its print records,
 * its access-history entry and (with the hand-off) its outbox record — commits together or not at all. Work that
 * leaves the building (a printer, a file for the back office) goes last inside the unit, so its failure rolls the
 * unit back, and it must be safe to repeat should the commit itself fail afterwards.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
