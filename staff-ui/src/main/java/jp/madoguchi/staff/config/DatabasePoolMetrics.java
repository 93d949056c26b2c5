package jp.madoguchi.staff.config;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.ManagedDatabase;

/** The connection pool's figures (active, idle, pending, acquire time) in the metrics, as HikariCP reports them. */
@Singleton
public class DatabasePoolMetrics implements MeterBinder {

    private final ManagedDatabase database;

    public DatabasePoolMetrics(ManagedDatabase database) {
        this.database = database;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (database.dataSource() instanceof HikariDataSource pool) {
            pool.setMetricRegistry(registry);
        }
    }
}
