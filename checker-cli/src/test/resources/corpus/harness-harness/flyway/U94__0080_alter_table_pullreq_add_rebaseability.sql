ALTER TABLE pullreqs DROP COLUMN pullreq_rebase_conflicts;
ALTER TABLE pullreqs DROP COLUMN pullreq_rebase_check_status;
