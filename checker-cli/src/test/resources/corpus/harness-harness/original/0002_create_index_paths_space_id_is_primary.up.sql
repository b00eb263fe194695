CREATE UNIQUE INDEX paths_space_id_is_primary
ON paths(path_space_id, path_is_primary);
