-- The counter (窓口) of each 呼出, 再呼出 and 不在 step of a timeline, so that the statistics can count the visits
-- called to each counter. NULL for every other step.
ALTER TABLE reception_timeline
    ADD COLUMN counter_code text,
    ADD COLUMN counter_name text;

-- the next visit to call: the oldest waiting one of a department not called there yet
CREATE INDEX reception_to_call ON reception (city_code, reception_day, department_code, serial)
    WHERE state IN ('RECEIVED', 'REFERRED') AND call_counter_code IS NULL;

-- The statistics now end the waiting time at the first call and count the counters called to: the read model
-- counted so far is dropped, and the preparation job counts the closed days again.
DELETE FROM statistics_slice;
DELETE FROM statistics_month;
DELETE FROM statistics_day;
