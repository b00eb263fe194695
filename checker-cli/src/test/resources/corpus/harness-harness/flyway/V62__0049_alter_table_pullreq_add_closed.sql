ALTER TABLE pullreqs ADD COLUMN pullreq_closed BIGINT;
