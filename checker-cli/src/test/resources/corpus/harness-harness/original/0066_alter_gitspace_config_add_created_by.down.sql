ALTER TABLE gitspace_configs DROP COLUMN gconf_created_by;
