ALTER TABLE repositories ADD COLUMN repo_importing_job_uid TEXT;
