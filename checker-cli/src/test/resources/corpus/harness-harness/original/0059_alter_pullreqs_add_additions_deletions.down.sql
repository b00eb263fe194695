ALTER TABLE pullreqs DROP COLUMN pullreq_additions;
ALTER TABLE pullreqs DROP COLUMN pullreq_deletions;
