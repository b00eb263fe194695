ALTER TABLE jobs DROP COLUMN job_group_id;
