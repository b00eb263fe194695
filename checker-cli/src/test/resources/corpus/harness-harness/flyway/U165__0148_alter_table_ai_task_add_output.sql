ALTER TABLE ai_tasks DROP COLUMN aitask_output;
