package jp.madoguchi.adapters.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.backup.WalArchiving;
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
                             @Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir,
                             @Property(name = "madoguchi.backup.enabled", defaultValue = "false") boolean backups,
                             @Property(name = "madoguchi.backup.wal-timeout", defaultValue = "60s") Duration walTimeout) {
        Path installation = Path.of(dataDir).toAbsolutePath();
        return url.isBlank()
                ? ManagedDatabase.embedded(installation.resolve("postgres"), poolSize,
                        backups ? WalArchiving.settings(walSpool(installation), walTimeout) : Map.of())
                : owner.isBlank() || owner.equals(username)
                ? ManagedDatabase.external(url, username, password, poolSize)
                : ManagedDatabase.external(url, new ManagedDatabase.Login(owner, ownerPassword),
                        new ManagedDatabase.Login(username, password), poolSize);
    }

    /** Where the embedded server puts finished WAL segments until the backup job has sealed them away. */
    public static Path walSpool(Path installation) {
        return installation.resolve("wal-spool");
    }

    @Singleton
    Jdbi jdbi(ManagedDatabase database) {
        return Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin());
    }
}
