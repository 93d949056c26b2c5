package jp.madoguchi.application.port.out;

/**
 * One holder at a time for a scheduled job across every server on the database (PostgreSQL's advisory locks): two
 * servers behind a balancer must not import the same linkage file, sign the same checkpoint or take two backups.
 */
public interface JobLocks {

    /**
     * Runs {@code work} when no other server runs the job named {@code job} now; returns at once otherwise.
     *
     * @return whether this server ran it
     */
    boolean runAlone(String job, Runnable work);
}
