-- Madoguchi foundation schema. Every table that holds a city's data carries its 地方公共団体コード (city_code),
-- so one installation can serve several cities. Identifiers are text throughout, matching the parameter
-- types the adapters bind (a char(n) column compared with a text parameter skips its index).

-- 住民 (replica of 001o005). 個人番号 and 住民票コード are not stored until encryption at rest is in place.
CREATE TABLE resident (
    city_code              text        NOT NULL,
    addressee_number       text        NOT NULL,
    household_number       text        NOT NULL,
    resident_type          text        NOT NULL CHECK (resident_type IN ('1', '2')),
    status                 text        NOT NULL CHECK (status IN ('1', '2', '3', '9')),
    name                   text        NOT NULL,
    name_kana              text,
    former_surname         text,
    former_surname_kana    text,
    alias                  text,
    alias_kana             text,
    alphabet_name          text,
    birth_era              text,
    birth_year             smallint,
    birth_month            smallint,
    birth_day              smallint,
    birth_notation         text,
    birth_date             date,        -- Gregorian, only when the recorded date is an exact calendar date
    sex                    text        NOT NULL CHECK (sex IN ('1', '2', '9')),
    relationship           text        NOT NULL,
    head_of_household_name text,
    address_code           text,
    postal_code            text,
    address_town           text        NOT NULL,
    address_lot            text,
    address_apartment      text,
    domicile               text,
    domicile_head          text,
    nationality            text,
    residence_status       text,
    period_of_stay_ends    date,
    residence_card_number  text,
    article30_45_category  text,
    replicated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (city_code, addressee_number)
);
CREATE INDEX resident_by_birth_date ON resident (city_code, birth_date);
CREATE INDEX resident_by_household ON resident (city_code, household_number);

-- 受付
CREATE TABLE reception (
    city_code        text        NOT NULL,
    number           text        NOT NULL,
    reception_day    date        NOT NULL,
    serial           integer     NOT NULL,
    channel          text        NOT NULL,
    addressee_number text,
    state            text        NOT NULL,
    department_code  text        NOT NULL,
    department_name  text        NOT NULL,
    opened_at        timestamptz NOT NULL,
    completed_at     timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (city_code, number),
    UNIQUE (city_code, reception_day, serial)
);
CREATE INDEX reception_by_day ON reception (city_code, reception_day);

-- the procedures asked for, as they were named when the visit was opened
CREATE TABLE reception_procedure (
    city_code       text    NOT NULL,
    number          text    NOT NULL,
    position        integer NOT NULL,
    procedure_code  text    NOT NULL,
    procedure_name  text    NOT NULL,
    department_code text    NOT NULL,
    department_name text    NOT NULL,
    life_event      text    NOT NULL,
    PRIMARY KEY (city_code, number, position),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- 経過: append-only per visit
CREATE TABLE reception_timeline (
    city_code     text        NOT NULL,
    number        text        NOT NULL,
    seq           integer     NOT NULL,
    at            timestamptz NOT NULL,
    state         text        NOT NULL,
    operator_id   text        NOT NULL,
    operator_name text        NOT NULL,
    description   text        NOT NULL,
    PRIMARY KEY (city_code, number, seq),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- 受付番号の採番 per city and day
CREATE TABLE reception_counter (
    city_code   text    NOT NULL,
    day         date    NOT NULL,
    last_serial integer NOT NULL,
    PRIMARY KEY (city_code, day)
);

-- 職員
CREATE TABLE staff_account (
    city_code     text    NOT NULL,
    username      text    NOT NULL PRIMARY KEY,
    display_name  text    NOT NULL,
    password_hash text    NOT NULL,
    roles         text[]  NOT NULL,
    enabled       boolean NOT NULL DEFAULT true
);
