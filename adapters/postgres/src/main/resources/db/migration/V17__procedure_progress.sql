-- Each department finishes its own procedures of a visit; the related procedures the clerk keeps join the visit.
ALTER TABLE reception_procedure
    ADD COLUMN adopted     boolean     NOT NULL DEFAULT false,
    ADD COLUMN finished_at timestamptz;

-- procedures of visits finished before this version were finished with the visit
UPDATE reception_procedure p SET finished_at = r.completed_at
FROM reception r
WHERE r.city_code = p.city_code AND r.number = p.number AND r.completed_at IS NOT NULL;
