package jp.madoguchi.adapters.postgres;

import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.Transactions;
import org.jdbi.v3.core.Jdbi;

/**
 * The unit of work over one connection: Jdbi binds the transaction's handle to the thread, so every store's
 * {@code jdbi.withHandle}/{@code useTransaction} inside the work joins it, and the access history appends its entry on
 * it too instead of on its own writer. Any exception rolls the whole unit back.
 */
@Singleton
public class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(h -> work.get());
    }
}
