-- 呼出: the counters of each department, and on each visit when it was first called (the end of its waiting time)
-- and its last call at the department it is at now (counter, time, how many times, 不在).
CREATE TABLE service_counter (
    city_code       text    NOT NULL,
    code            text    NOT NULL,
    name            text    NOT NULL,
    department_code text    NOT NULL,
    department_name text    NOT NULL,
    position        integer NOT NULL,
    PRIMARY KEY (city_code, code)
);

ALTER TABLE reception
    ADD COLUMN first_called_at   timestamptz,
    ADD COLUMN call_counter_code text,
    ADD COLUMN call_counter_name text,
    ADD COLUMN called_at         timestamptz,
    ADD COLUMN call_times        integer NOT NULL DEFAULT 0,
    ADD COLUMN call_absent       boolean NOT NULL DEFAULT false;

-- the call display reads today's called visits
CREATE INDEX reception_called ON reception (city_code, reception_day, called_at) WHERE called_at IS NOT NULL;
