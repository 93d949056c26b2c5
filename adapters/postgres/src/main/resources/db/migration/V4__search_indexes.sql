-- name_key holds "氏名|通称" for a foreign resident with a 通称, and the card may carry either of the two, so the
-- four-item search looks each part up on its own; partial indexes keep that to the residents who have a 通称.
CREATE INDEX resident_by_own_name_part ON resident (city_code, (split_part(name_key, '|', 1)))
    WHERE position('|' IN name_key) > 0;
CREATE INDEX resident_by_alias_part ON resident (city_code, (split_part(name_key, '|', 2)))
    WHERE position('|' IN name_key) > 0;

-- フリガナ and 生年月日 searches list 50 residents in (key, 宛名番号) order: with 宛名番号 in the index the first 50
-- entries are the answer, instead of every resident sharing a common prefix or birthday being read and sorted.
DROP INDEX resident_by_kana_prefix;
CREATE INDEX resident_by_kana_prefix ON resident (city_code, (kana_key COLLATE "C"), addressee_number);
DROP INDEX resident_by_birth_date;
CREATE INDEX resident_by_birth_date ON resident (city_code, birth_date, addressee_number);
