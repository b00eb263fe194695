ALTER TABLE gitspace_configs
    DROP COLUMN gconf_is_marked_for_deletion;