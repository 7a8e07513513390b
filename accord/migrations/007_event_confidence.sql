-- accord store, version 7: every event's confidence in [0, 1] (accord.confidence: the measured precision
-- of the rule family and actor resolution that produced it). Events written before this version have none.
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
