package jp.madoguchi.adapters.postgres;

import java.nio.file.Path;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** Wires the database: external when {@code madoguchi.database.url} is set, else the embedded PostgreSQL. */
@Factory
public class DatabaseFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ManagedDatabase database(@Property(name = "madoguchi.database.url", defaultValue = "") String url,
                             @Property(name = "madoguchi.database.username", defaultValue = "") String username,
                             @Property(name = "madoguchi.database.password", defaultValue = "") String password,
                             @Property(name = "madoguchi.database.owner-username", defaultValue = "") String owner,
                             @Property(name = "madoguchi.database.owner-password", defaultValue = "") String ownerPassword,
                             @Property(name = "madoguchi.database.pool-size", defaultValue = "10") int poolSize,
                             @Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir) {
        return url.isBlank()
                ? ManagedDatabase.embedded(Path.of(dataDir).toAbsolutePath().resolve("postgres"), poolSize)
                : owner.isBlank() || owner.equals(username)
                ? ManagedDatabase.external(url, username, password, poolSize)
                : ManagedDatabase.external(url, new ManagedDatabase.Login(owner, ownerPassword),
                        new ManagedDatabase.Login(username, password), poolSize);
    }

    @Singleton
    Jdbi jdbi(ManagedDatabase database) {
        return Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin());
    }
}
