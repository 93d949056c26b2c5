-- The language the citizen chose at the kiosk (or on the tablet): the tablet, the slip and the guidance sheet speak
-- it. Codes as in Language: ja, easy (やさしい日本語), en, zh, ko, vi, pt.
ALTER TABLE reception ADD COLUMN language text NOT NULL DEFAULT 'ja';
