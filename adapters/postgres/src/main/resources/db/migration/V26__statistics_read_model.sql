-- 統計の集計表 (ADR-9): the supervisors' figures of every closed day, kept so that a month or a 年度 is read from a
-- few hundred rows instead of every visit and its timeline. Today is always counted straight from the visits.

-- A closed day whose slices are built. A change to one of its visits afterwards (a late 完了, a print, a signature)
-- marks it stale through the triggers below, and it is built again before it is read.
CREATE TABLE statistics_day (
    city_code text        NOT NULL,
    day       date        NOT NULL,
    stale     boolean     NOT NULL,
    built_at  timestamptz,
    PRIMARY KEY (city_code, day)
);

-- A month whose slices are the sum of its days' (all closed and built).
CREATE TABLE statistics_month (
    city_code text        NOT NULL,
    month     date        NOT NULL,
    built_at  timestamptz NOT NULL,
    PRIMARY KEY (city_code, month)
);

-- One row per day (span D) or month (span M), angle and key: TOTAL, PROCEDURE, DEPARTMENT, CHANNEL,
-- CHANNEL_BASIS, LIFE_EVENT, STAFF, DAY and HOUR (isodow:hour). The times are sparse per-minute histograms,
-- [minute, visits, minute, visits, ...]; the counts after `completed` are filled on the TOTAL row only.
CREATE TABLE statistics_slice (
    city_code           text      NOT NULL,
    span                char(1)   NOT NULL CHECK (span IN ('D', 'M')),
    start               date      NOT NULL,
    angle               text      NOT NULL,
    key                 text      NOT NULL,
    label               text      NOT NULL,
    visits              integer   NOT NULL,
    completed           integer   NOT NULL,
    waiting             integer[] NOT NULL,
    handling            integer[] NOT NULL,
    whole               integer[] NOT NULL,
    procedures          integer   NOT NULL DEFAULT 0,
    forms_printed       integer   NOT NULL DEFAULT 0,
    signed_visits       integer   NOT NULL DEFAULT 0,
    referrals           integer   NOT NULL DEFAULT 0,
    adopted_related     integer   NOT NULL DEFAULT 0,
    related_suggested   integer   NOT NULL DEFAULT 0,
    related_removed     integer   NOT NULL DEFAULT 0,
    without_handwriting integer   NOT NULL DEFAULT 0,
    PRIMARY KEY (city_code, span, start, angle, key)
);

-- Marks the day of the changed visit stale, when that day has been built; a visit of today costs one index probe.
CREATE FUNCTION statistics_mark_stale() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed record;
    visit_day date;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'reception' THEN
        visit_day := changed.reception_day;
    ELSE
        SELECT r.reception_day INTO visit_day FROM reception r
         WHERE r.city_code = changed.city_code AND r.number = changed.number;
    END IF;
    IF visit_day IS NOT NULL THEN
        UPDATE statistics_day SET stale = true
         WHERE city_code = changed.city_code AND day = visit_day AND NOT stale;
    END IF;
    RETURN NULL;
END $$;

-- on every table a figure is counted from
DO $$
DECLARE
    counted text;
BEGIN
    FOREACH counted IN ARRAY ARRAY['reception', 'reception_procedure', 'reception_timeline', 'reception_form_print',
                                   'reception_signature', 'reception_move_in', 'related_procedure_item'] LOOP
        EXECUTE format('CREATE TRIGGER statistics_stale AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION statistics_mark_stale()', counted);
    END LOOP;
END
$$;
