-- One way to give a city its (empty) partition of a replica table, used by every writer that may be the first
-- to store that city's rows (the DIFF import, the registry's small writes). Partitions made by a FULL import
-- are swapped in under their own names; this only creates one when the city has none.
CREATE FUNCTION ensure_city_partition(parent regclass, city text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF city !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION '地方公共団体コードは6桁の数字です: %', city;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                   WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', city)) THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES IN (%L)', parent::text || '_p' || city, parent, city);
    END IF;
END $$;
