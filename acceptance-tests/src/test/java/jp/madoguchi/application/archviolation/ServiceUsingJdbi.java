package jp.madoguchi.application.archviolation;

import org.jdbi.v3.core.Jdbi;

/** Deliberately wrong: a use case that talks to the database itself instead of through a driven port. */
public class ServiceUsingJdbi {

    private final Jdbi jdbi;

    public ServiceUsingJdbi(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }
}
