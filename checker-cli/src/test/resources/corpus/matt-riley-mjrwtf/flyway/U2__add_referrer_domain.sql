-- Drop the index first
DROP INDEX IF EXISTS idx_clicks_referrer_domain;

-- Drop the referrer_domain column
ALTER TABLE clicks DROP COLUMN referrer_domain;
