-- 稼働の記録: every running server marks each minute it serves (at least twice a minute, so no minute is missed).
-- The operation report (稼働報告) counts the minutes of opening hours that have a mark: the availability the city
-- measures its goal (99.5 %) against. Kept like the access history's retention; a year is 525,600 rows at most.
CREATE TABLE service_heartbeat (
    minute timestamptz PRIMARY KEY
);
