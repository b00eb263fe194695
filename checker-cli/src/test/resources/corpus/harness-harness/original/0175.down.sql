DROP INDEX IF EXISTS repo_activities_repo_id_created_at_type_idx;
DROP TABLE IF EXISTS repo_activities;
