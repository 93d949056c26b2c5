package jp.madoguchi.adapters.postgres

import jp.madoguchi.adapters.postgres.testing.TestDatabase
import org.jdbi.v3.core.Jdbi
import org.jdbi.v3.postgres.PostgresPlugin
import spock.lang.Shared
import spock.lang.Specification

/** A spec with its own fresh PostgreSQL database, built by the production migrations. */
abstract class DatabaseSpecification extends Specification {

    @Shared
    ManagedDatabase database

    @Shared
    Jdbi jdbi

    def setupSpec() {
        database = ManagedDatabase.external(TestDatabase.freshDatabaseUrl(), 'postgres', '', 4)
        jdbi = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin())
    }

    def cleanupSpec() {
        database?.close()
    }
}
