ALTER TABLE repositories DROP COLUMN repo_importing_job_uid;
