-- Where each step of a visit happened: the department in charge after it (for a 回付, the one the visit was sent
-- to), as it was named then. The statistics count 回付 per pair of departments from it. Entries recorded before
-- this version stay without one: which department a step was at was not kept, and is not guessed.
ALTER TABLE reception_timeline
    ADD COLUMN department_code text,
    ADD COLUMN department_name text;
