package jp.madoguchi.acceptance.support

import org.jdbi.v3.core.Jdbi

/** Residents of the demo data a scenario needs, found the same way by every spec. */
class DemoResidents {

    /** A current foreign resident: {@code addressee_number} and the {@code residence_card_number} on their 在留カード. */
    static Map<String, Object> withResidenceCard(RunningMadoguchi app) {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("""SELECT addressee_number, residence_card_number FROM resident
                              WHERE city_code = '999997' AND status = '1' AND residence_card_number IS NOT NULL
                              ORDER BY addressee_number LIMIT 1""").mapToMap().one()
        }
    }

    /** The 宛名番号 of current residents whose birth date is known, in number order. */
    static List<String> current(RunningMadoguchi app, int limit) {
        app.bean(Jdbi).withHandle {
            it.createQuery("""SELECT addressee_number FROM resident WHERE city_code = '999997' AND status = '1'
                               AND birth_date IS NOT NULL ORDER BY addressee_number LIMIT :limit""")
                    .bind('limit', limit).mapTo(String).list()
        }
    }
}
