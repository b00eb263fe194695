DROP TABLE linked_repositories;

ALTER TABLE repositories DROP COLUMN repo_type;