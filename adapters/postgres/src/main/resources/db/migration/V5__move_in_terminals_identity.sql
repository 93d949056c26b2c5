-- 転入届の受付: the 転出証明書 content it was opened with (from the paper certificate's 2D code, or the
-- 転出証明書情報 under 特例転入), so the 転入届 is filled without re-keying. No 個人番号 or 住民票コード here.
CREATE TABLE reception_move_in (
    city_code               text NOT NULL,
    number                  text NOT NULL,
    basis                   text NOT NULL CHECK (basis IN ('PAPER_CERTIFICATE', 'SPECIAL_MOVE_IN')),
    certificate_number      text,
    from_city_code          text NOT NULL,
    name                    text NOT NULL,
    name_kana               text,
    birth_date              date,
    birth_notation          text,
    sex                     text NOT NULL CHECK (sex IN ('1', '2', '9')),
    relationship            text,
    head_of_household_name  text,
    previous_address        text,
    destination_address     text,
    move_out_planned_on     date,
    domicile                text,
    domicile_head           text,
    national_health_insurance text,
    late_stage_elderly      text,
    long_term_care          text,
    national_pension        text,
    child_allowance         text,
    PRIMARY KEY (city_code, number),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- 本人確認の要確認: the card face of a visitor whose card matched no registry entry exactly; a clerk picks the
-- resident (or not) at the counter. Card data never changes the registry.
CREATE TABLE reception_card_face (
    city_code  text        NOT NULL,
    number     text        NOT NULL,
    name       text        NOT NULL,
    address    text        NOT NULL,
    birth_date text        NOT NULL,
    sex        text,
    read_at    timestamptz NOT NULL,
    PRIMARY KEY (city_code, number),
    FOREIGN KEY (city_code, number) REFERENCES reception (city_code, number)
);

-- 端末: kiosk and counter PCs whose terminal agent may hand card readings to the server. The pairing key is
-- sealed like the 個人番号; a revoked terminal's readings are refused.
CREATE TABLE paired_terminal (
    city_code     text        NOT NULL,
    terminal_id   text        NOT NULL,
    label         text        NOT NULL,
    key_sealed    bytea       NOT NULL,
    registered_at timestamptz NOT NULL,
    registered_by text        NOT NULL,
    revoked_at    timestamptz,
    PRIMARY KEY (city_code, terminal_id)
);
