-- The shared glossary's notes in Chinese, for sellers reading the dashboard in Chinese.
-- A shop's own terms keep the one note its seller wrote.
ALTER TABLE glossary_terms ADD COLUMN note_zh TEXT NOT NULL DEFAULT '';
