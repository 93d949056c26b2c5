-- A visitor may identify at the kiosk with the IC chip of a driving licence or a 在留カード as well as a My Number
-- Card: the card read is kept with the kiosk's visit and with a card face waiting for the clerk, so the counter
-- knows which it was.
ALTER TABLE kiosk_visit ADD COLUMN document text NOT NULL DEFAULT 'MY_NUMBER_CARD'
    CHECK (document IN ('MY_NUMBER_CARD', 'DRIVERS_LICENSE', 'RESIDENCE_CARD'));
ALTER TABLE reception_card_face ADD COLUMN document text NOT NULL DEFAULT 'MY_NUMBER_CARD'
    CHECK (document IN ('MY_NUMBER_CARD', 'DRIVERS_LICENSE', 'RESIDENCE_CARD'));
