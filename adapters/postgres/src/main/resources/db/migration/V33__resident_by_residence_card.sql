-- 在留カードで本人確認: a walk-in shows the 在留カード and the clerk enters its number; the lookup is by this index.
CREATE INDEX resident_by_residence_card ON resident (city_code, residence_card_number)
    WHERE residence_card_number IS NOT NULL;
