package jp.madoguchi.adapters.postgres

import com.zaxxer.hikari.HikariDataSource
import jp.madoguchi.adapters.postgres.testing.TestDatabase

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Two servers on one database (two pools here): while one runs a job's round, the other's round of the same job is
 * skipped, another job runs, and once the first is done the job is free again — also when its holder's session dies.
 */
class AdvisoryJobLocksSpec extends DatabaseSpecification {

    def "同じジョブは一度に一つのサーバーだけが実行し、別のジョブは妨げない"() {
        given: 'a second server: its own pool on the same database'
        def other = new ManagedDatabase.Login('postgres', '')
        def secondPool = new HikariDataSource()
        secondPool.jdbcUrl = database.dataSource().unwrap(HikariDataSource).jdbcUrl
        secondPool.username = other.user()
        def first = new AdvisoryJobLocks(database.dataSource())
        def second = new AdvisoryJobLocks(secondPool)
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def ran = []

        when: 'the first server is in the middle of a backup'
        def holder = Thread.start {
            first.runAlone('backup') { inside.countDown(); release.await(10, TimeUnit.SECONDS); ran << 'first' }
        }
        inside.await(10, TimeUnit.SECONDS)
        def secondRan = second.runAlone('backup') { ran << 'second' }
        def otherJob = second.runAlone('linkage-poll') { ran << 'second-poll' }
        release.countDown()
        holder.join(10_000)

        then:
        !secondRan
        otherJob
        ran == ['second-poll', 'first']

        and: 'once the first is done, the second may run it'
        second.runAlone('backup') { ran << 'second' }
        ran.last() == 'second'

        cleanup:
        secondPool?.close()
    }

    def "実行中のサーバーが落ちてセッションが切れると、ロックは残らない"() {
        given:
        def dying = java.sql.DriverManager.getConnection(database.dataSource().unwrap(HikariDataSource).jdbcUrl, 'postgres', '')
        def locks = new AdvisoryJobLocks(database.dataSource())
        dying.createStatement().execute("SELECT pg_advisory_lock(hashtextextended('madoguchi.job:backup', 0))")

        expect: 'held by the other session'
        !locks.runAlone('backup') { }

        when: 'that server dies (its connection ends; its backend releases the lock as it exits, a moment later)'
        dying.close()
        boolean ran = false
        long deadline = System.currentTimeMillis() + 5_000
        while (!ran && System.currentTimeMillis() < deadline) {
            ran = locks.runAlone('backup') { }
            if (!ran) {
                Thread.sleep(50)
            }
        }

        then:
        ran
    }
}
