DROP INDEX IF EXISTS download_stat_artifact_id;
