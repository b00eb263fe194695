DROP INDEX job_group_id ON jobs;
