DROP INDEX IF EXISTS idx_url_status_archive_checked_at;
DROP INDEX IF EXISTS idx_url_status_last_checked_at;
DROP INDEX IF EXISTS idx_url_status_gone_at;
DROP TABLE IF EXISTS url_status;
