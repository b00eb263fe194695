ALTER TABLE repositories DROP COLUMN repo_size;
ALTER TABLE repositories DROP COLUMN repo_size_updated;