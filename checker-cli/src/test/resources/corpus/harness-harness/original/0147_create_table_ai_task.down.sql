DROP INDEX IF EXISTS ai_tasks_uid_space_id;
DROP TABLE IF EXISTS ai_tasks;