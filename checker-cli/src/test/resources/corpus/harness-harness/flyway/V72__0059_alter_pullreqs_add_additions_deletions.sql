ALTER TABLE pullreqs ADD COLUMN pullreq_additions INTEGER;
ALTER TABLE pullreqs ADD COLUMN pullreq_deletions INTEGER;
