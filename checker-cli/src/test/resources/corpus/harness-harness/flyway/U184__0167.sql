DROP INDEX idx_autolinks_repo_id;
DROP INDEX idx_autolinks_space_id;
DROP TABLE IF EXISTS autolinks;