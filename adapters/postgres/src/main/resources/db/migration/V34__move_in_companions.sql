-- 転入 of a family: the certificates of those moving in with the person the visit was opened with (同一世帯で転入
-- する者), in the order they were read. The same items as reception_move_in; still no 個人番号 or 住民票コード.
CREATE TABLE reception_move_in_companion (
    city_code               text     NOT NULL,
    number                  text     NOT NULL,
    position                smallint NOT NULL CHECK (position >= 1),
    certificate_number      text,
    from_city_code          text     NOT NULL,
    name                    text     NOT NULL,
    name_kana               text,
    birth_date              date,
    birth_notation          text,
    sex                     text     NOT NULL CHECK (sex IN ('1', '2', '9')),
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
    PRIMARY KEY (city_code, number, position),
    FOREIGN KEY (city_code, number) REFERENCES reception_move_in (city_code, number)
);

-- 特例転入 of a family: the 転出証明書情報 of everyone who left the same household on the same day is found together
CREATE INDEX move_out_certificate_by_household ON move_out_certificate (city_code, from_city_code, previous_address);
