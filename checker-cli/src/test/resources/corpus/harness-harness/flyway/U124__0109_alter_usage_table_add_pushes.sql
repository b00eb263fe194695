ALTER TABLE usage_metrics
DROP COLUMN usage_metric_pushes;
