ALTER TABLE pullreqs DROP COLUMN pullreq_unresolved_count;
