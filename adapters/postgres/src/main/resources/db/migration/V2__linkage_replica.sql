-- Forward-linkage replica (LINKAGE.md). Every replica table is partitioned by city_code: a FULL file is
-- loaded into a fresh table, indexed, and swapped in as that city's partition in one short transaction, so
-- readers never see a half-loaded set and a bad file changes nothing.
-- Sensitive items (個人番号, 住民票コード, 基礎年金番号) are stored sealed (AES-GCM, key outside the
-- database) next to a keyed hash (HMAC-SHA-256) that finds them without decrypting.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE resident RENAME TO resident_v1;
ALTER TABLE resident_v1 RENAME CONSTRAINT resident_pkey TO resident_v1_pkey;
ALTER INDEX resident_by_birth_date RENAME TO resident_v1_by_birth_date;
ALTER INDEX resident_by_household RENAME TO resident_v1_by_household;

-- 001o005 住民基本情報 (including 除票 persons, as the source delivers them)
CREATE TABLE resident (
    city_code                   text        NOT NULL,
    addressee_number            text        NOT NULL,
    household_number            text        NOT NULL,
    resident_type               text        NOT NULL CHECK (resident_type IN ('1', '2')),
    status                      text        NOT NULL CHECK (status IN ('1', '2', '3', '9')),
    name                        text        NOT NULL,
    name_kana                   text,
    former_surname              text,
    former_surname_kana         text,
    alias                       text,
    alias_kana                  text,
    alphabet_name               text,
    name_key                    text        NOT NULL,  -- MatchKey.name of 氏名 (and of 通称 after a '|')
    kana_key                    text        NOT NULL,  -- MatchKey.kana of フリガナ (and of 通称フリガナ after a '|')
    birth_era                   text,
    birth_year                  smallint,
    birth_month                 smallint,
    birth_day                   smallint,
    birth_notation              text,
    birth_date                  date,       -- Gregorian, only when the recorded date is an exact calendar date
    sex                         text        NOT NULL CHECK (sex IN ('1', '2', '9')),
    relationship                text        NOT NULL,
    head_of_household_name      text,
    address_code                text,
    postal_code                 text,
    address_town                text        NOT NULL,
    address_lot                 text,
    address_apartment           text,
    domicile                    text,
    domicile_head               text,
    became_resident_on          date,
    address_fixed_on            date,
    notified_on                 date,
    movement_reason             text,
    moved_on                    date,
    moved_out_to                text,
    move_out_planned_on         date,
    individual_number_sealed    bytea,
    individual_number_key       bytea,
    resident_record_code_sealed bytea,
    resident_record_code_key    bytea,
    nationality                 text,
    residence_status            text,
    period_of_stay_ends         date,
    residence_card_number       text,
    article30_45_category       text,
    source_updated_at           text,
    replicated_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);
CREATE INDEX resident_by_birth_date ON resident (city_code, birth_date);
CREATE INDEX resident_by_household ON resident (city_code, household_number);
CREATE INDEX resident_by_name_key ON resident (city_code, name_key);
CREATE INDEX resident_by_kana_prefix ON resident (city_code, (kana_key COLLATE "C"));
CREATE INDEX resident_by_kana_trigram ON resident USING gin (kana_key gin_trgm_ops);
CREATE INDEX resident_by_individual_number ON resident (city_code, individual_number_key);
CREATE INDEX resident_by_resident_record_code ON resident (city_code, resident_record_code_key);

-- the foundation's rows move into per-city partitions
DO $$
DECLARE
    city text;
BEGIN
    FOR city IN SELECT DISTINCT city_code FROM resident_v1 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF resident FOR VALUES IN (%L)', 'resident_p' || city, city);
    END LOOP;
END $$;
INSERT INTO resident (city_code, addressee_number, household_number, resident_type, status, name, name_kana,
                      former_surname, former_surname_kana, alias, alias_kana, alphabet_name, name_key, kana_key,
                      birth_era, birth_year, birth_month, birth_day, birth_notation, birth_date, sex, relationship,
                      head_of_household_name, address_code, postal_code, address_town, address_lot,
                      address_apartment, domicile, domicile_head, nationality, residence_status,
                      period_of_stay_ends, residence_card_number, article30_45_category, replicated_at)
SELECT city_code, addressee_number, household_number, resident_type, status, name, name_kana, former_surname,
       former_surname_kana, alias, alias_kana, alphabet_name, regexp_replace(name, '\s', '', 'g'),
       regexp_replace(coalesce(name_kana, ''), '\s', '', 'g'), birth_era, birth_year, birth_month, birth_day,
       birth_notation, birth_date, sex, relationship, head_of_household_name, address_code, postal_code,
       address_town, address_lot, address_apartment, domicile, domicile_head, nationality, residence_status,
       period_of_stay_ends, residence_card_number, article30_45_category, replicated_at
FROM resident_v1;
DROP TABLE resident_v1;

-- 001o007 異動履歴
CREATE TABLE resident_movement (
    city_code          text    NOT NULL,
    addressee_number   text    NOT NULL,
    seq                integer NOT NULL,
    reason             text,
    moved_on           date,
    notified_on        date,
    previous_address   text,
    new_address        text,
    previous_household text,
    new_household      text,
    remarks            text,
    PRIMARY KEY (city_code, addressee_number, seq)
) PARTITION BY LIST (city_code);

-- 001o009 転出証明書情報 (特例転入)
CREATE TABLE move_out_certificate (
    city_code                   text NOT NULL,
    certificate_number          text NOT NULL,
    from_city_code              text NOT NULL,
    name                        text NOT NULL,
    name_kana                   text,
    name_key                    text NOT NULL,
    birth_date                  date,
    birth_notation              text,
    sex                         text NOT NULL CHECK (sex IN ('1', '2', '9')),
    relationship                text,
    head_of_household_name      text,
    previous_address            text,
    destination_address         text,
    move_out_planned_on         date,
    resident_record_code_sealed bytea,
    resident_record_code_key    bytea,
    individual_number_sealed    bytea,
    individual_number_key       bytea,
    domicile                    text,
    domicile_head               text,
    national_health_insurance   text,
    late_stage_elderly          text,
    long_term_care              text,
    national_pension            text,
    child_allowance             text,
    PRIMARY KEY (city_code, certificate_number)
) PARTITION BY LIST (city_code);
CREATE INDEX move_out_certificate_by_individual_number ON move_out_certificate (city_code, individual_number_key);
CREATE INDEX move_out_certificate_by_birth_date ON move_out_certificate (city_code, birth_date);

-- 001o013 カード・印鑑登録の状況
CREATE TABLE card_status (
    city_code                          text    NOT NULL,
    addressee_number                   text    NOT NULL,
    card_issued                        boolean NOT NULL,
    card_expires                       date,
    signing_certificate_expires        date,
    authentication_certificate_expires date,
    seal_registered                    boolean NOT NULL,
    seal_registration_number           text,
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);

-- 023o002 介護保険, 024o007 国民健康保険, 025o005 後期高齢者医療
CREATE TABLE long_term_care_insurance (
    city_code        text NOT NULL,
    addressee_number text NOT NULL,
    insured_number   text,
    acquired_on      date,
    lost_on          date,
    care_level       text,
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);

CREATE TABLE national_health_insurance (
    city_code            text NOT NULL,
    addressee_number     text NOT NULL,
    nhi_household_number text,
    symbol_number        text,
    acquired_on          date,
    lost_on              date,
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);

CREATE TABLE late_stage_elderly_insurance (
    city_code        text NOT NULL,
    addressee_number text NOT NULL,
    insured_number   text,
    acquired_on      date,
    lost_on          date,
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);

-- 026o001 国民年金 (基礎年金番号 sealed)
CREATE TABLE national_pension (
    city_code                   text NOT NULL,
    addressee_number            text NOT NULL,
    basic_pension_number_sealed bytea,
    basic_pension_number_key    bytea,
    category                    text NOT NULL CHECK (category IN ('1', '3', '4')),
    acquired_on                 date,
    lost_on                     date,
    PRIMARY KEY (city_code, addressee_number)
) PARTITION BY LIST (city_code);

-- 027o003 児童手当 (one row per recipient and child)
CREATE TABLE child_allowance (
    city_code         text NOT NULL,
    recipient_number  text NOT NULL,
    child_number      text NOT NULL,
    paid_from         text,   -- YYYYMM
    paid_until        text,   -- YYYYMM
    PRIMARY KEY (city_code, recipient_number, child_number)
) PARTITION BY LIST (city_code);
CREATE INDEX child_allowance_by_child ON child_allowance (city_code, child_number);

-- 取込履歴: one row per file seen, whatever became of it
CREATE TABLE linkage_import (
    id            bigserial   PRIMARY KEY,
    city_code     text        NOT NULL,
    linkage_id    text        NOT NULL,
    file_name     text        NOT NULL,
    file_stamp    timestamp   NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('FULL', 'DIFF')),
    checksum      text        NOT NULL,
    source        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED', 'DUPLICATE', 'OUT_OF_ORDER')),
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_added    bigint      NOT NULL DEFAULT 0,
    rows_changed  bigint      NOT NULL DEFAULT 0,
    rows_deleted  bigint      NOT NULL DEFAULT 0,
    error_count   integer     NOT NULL DEFAULT 0,
    report        text,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    duration_ms   bigint      NOT NULL
);
CREATE INDEX linkage_import_by_city ON linkage_import (city_code, finished_at DESC);
CREATE UNIQUE INDEX linkage_import_applied_once ON linkage_import (city_code, linkage_id, checksum)
    WHERE outcome = 'APPLIED';

-- 保存期間を過ぎた除票の削除の記録
CREATE TABLE replica_purge (
    id          bigserial   PRIMARY KEY,
    city_code   text        NOT NULL,
    purged_at   timestamptz NOT NULL,
    cutoff      date        NOT NULL,
    residents   bigint      NOT NULL,
    movements   bigint      NOT NULL,
    details     text        NOT NULL
);
