ALTER TABLE ai_tasks DROP COLUMN aitask_error_message;
ALTER TABLE ai_tasks DROP COLUMN aitask_output_metadata;
