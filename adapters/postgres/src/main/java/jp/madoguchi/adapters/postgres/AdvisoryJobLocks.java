package jp.madoguchi.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jp.madoguchi.application.port.out.JobLocks;

/**
 * Job locks as PostgreSQL session advisory locks, keyed by the job's name: held on one connection for the length of
 * the round and released with it, also when the server dies (the session ends), so no lock outlives its holder.
 */
public final class AdvisoryJobLocks implements JobLocks {

    /** Keeps Madoguchi's keys apart from any other advisory lock on the same database. */
    private static final String NAMESPACE = "madoguchi.job:";

    private final DataSource database;

    public AdvisoryJobLocks(DataSource database) {
        this.database = database;
    }

    @Override
    public boolean runAlone(String job, Runnable work) {
        try (Connection c = database.getConnection()) {
            if (!call(c, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", job)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(c, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ジョブ " + job + " の排他ロックを取れません: " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection c, String sql, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, NAMESPACE + job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
