-- 関連手続の規則: every version of every rule of a city. A law change is a new version with its own effective
-- date; versions are never updated or deleted, so a reception's list can always name the versions it came from.
CREATE TABLE procedure_rule (
    city_code       text        NOT NULL,
    rule_id         text        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    position        integer     NOT NULL,
    effective_from  date        NOT NULL,
    effective_until date,
    definition      text        NOT NULL,
    published_by    text        NOT NULL,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (city_code, rule_id, version),
    CHECK (effective_until IS NULL OR effective_until >= effective_from)
);

-- 関連手続の一覧 of a reception: the determination (event, answers) and its optimistic-lock version
CREATE TABLE related_procedure_list (
    city_code      text        NOT NULL,
    number         text        NOT NULL,
    life_event     text        NOT NULL,
    event_kind     text,
    event_date     date        NOT NULL,
    answer_keys    text[]      NOT NULL,
    answer_values  text[]      NOT NULL,
    determined_at  timestamptz NOT NULL,
    determined_by  text        NOT NULL,
    version        bigint      NOT NULL,
    PRIMARY KEY (city_code, number),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- one procedure on the list; a removal is kept with who, when and why
CREATE TABLE related_procedure_item (
    city_code      text        NOT NULL,
    number         text        NOT NULL,
    seq            integer     NOT NULL,
    procedure_code text        NOT NULL,
    member_id      text,
    member_name    text,
    origin         text        NOT NULL CHECK (origin IN ('RULE', 'CLERK')),
    removed_by     text,
    removed_at     timestamptz,
    removal_reason text,
    PRIMARY KEY (city_code, number, seq),
    FOREIGN KEY (city_code, number) REFERENCES related_procedure_list (city_code, number) ON DELETE CASCADE
);

-- why a procedure is on the list: the rule version and its words at the time
CREATE TABLE related_procedure_reason (
    city_code    text    NOT NULL,
    number       text    NOT NULL,
    seq          integer NOT NULL,
    position     integer NOT NULL,
    rule_id      text    NOT NULL,
    rule_version integer NOT NULL,
    reason_ja    text    NOT NULL,
    reason_en    text,
    PRIMARY KEY (city_code, number, seq, position),
    FOREIGN KEY (city_code, number, seq) REFERENCES related_procedure_item (city_code, number, seq) ON DELETE CASCADE
);
