CREATE UNIQUE INDEX paths_repo_id_is_primary
ON paths(path_repo_id, path_is_primary);
