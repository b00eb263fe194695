-- Add referrer_domain column to store parsed domain from referrer URL
-- This enables domain-level analytics aggregation while preserving full referrer
ALTER TABLE clicks ADD COLUMN referrer_domain VARCHAR(255);

-- Create index for efficient domain-based analytics queries
CREATE INDEX IF NOT EXISTS idx_clicks_referrer_domain ON clicks(referrer_domain);

