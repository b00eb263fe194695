ALTER TABLE pullreqs DROP COLUMN pullreq_commit_count;
ALTER TABLE pullreqs DROP COLUMN pullreq_file_count;
