package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.Transactions

import java.util.function.Supplier

/** Runs each unit of work as it comes and counts them (rollback is the database's: UnitOfWorkSpec). */
class DirectTransactions implements Transactions {

    int units

    @Override
    <T> T inTransaction(Supplier<T> work) {
        units++
        work.get()
    }
}
