ALTER TABLE linked_repositories ADD COLUMN linked_repo_provider_type TEXT NOT NULL DEFAULT '';
