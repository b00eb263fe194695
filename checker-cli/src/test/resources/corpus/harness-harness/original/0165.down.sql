DROP INDEX IF EXISTS idx_package_tags_artifact_id;
