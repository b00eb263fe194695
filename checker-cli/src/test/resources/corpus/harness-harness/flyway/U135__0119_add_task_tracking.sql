DROP TABLE IF EXISTS registry_task_events;
DROP TABLE IF EXISTS registry_task_sources;
DROP TABLE IF EXISTS registry_tasks;
