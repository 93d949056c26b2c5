-- The procedures a life event's page offered at the kiosk, kept with the visit: the citizen's choice is checked
-- against them without running the rules (and recording the access to the household) a second time.
ALTER TABLE kiosk_visit ADD COLUMN offered_codes text NOT NULL DEFAULT '';
