-- 様式: every version of every form of a city (shipped forms are stored as their first version at start). A
-- 様式改正 is a new version; versions are never changed, so a reception can always name the one it printed.
CREATE TABLE form_definition (
    city_code      text        NOT NULL,
    form_id        text        NOT NULL,
    version        integer     NOT NULL CHECK (version >= 1),
    effective_from date        NOT NULL,
    definition     text        NOT NULL,
    published_by   text        NOT NULL,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (city_code, form_id, version)
);

-- 聞き取りの回答 of a reception: a fact heard once fills every form of the visit
CREATE TABLE reception_answer (
    city_code   text        NOT NULL,
    number      text        NOT NULL,
    key         text        NOT NULL,
    value       text        NOT NULL,
    answered_by text        NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (city_code, number, key),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- the signature given on the counter tablet, with its time and hash
CREATE TABLE reception_signature (
    city_code  text        NOT NULL,
    number     text        NOT NULL,
    png        bytea       NOT NULL,
    sha256     text        NOT NULL,
    signed_at  timestamptz NOT NULL,
    taken_by   text        NOT NULL,
    PRIMARY KEY (city_code, number),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- every print of a form: who, which form version, which printer
CREATE TABLE reception_form_print (
    city_code    text        NOT NULL,
    number       text        NOT NULL,
    seq          bigserial   NOT NULL,
    form_id      text        NOT NULL,
    form_version integer     NOT NULL,
    printer      text        NOT NULL,
    printed_by   text        NOT NULL,
    printed_at   timestamptz NOT NULL,
    PRIMARY KEY (city_code, number, seq),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);
