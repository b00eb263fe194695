create index if not exists idx_artifacts_artifact_image_id ON artifacts (artifact_image_id);

create index if not exists idx_bandwidth_stats_image_id ON bandwidth_stats (bandwidth_stat_image_id);