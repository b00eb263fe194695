-- First drop the soft reset column
ALTER TABLE gitspace_configs DROP COLUMN gconf_is_marked_for_soft_reset;

-- Then add the infra reset column
ALTER TABLE gitspace_configs
    ADD COLUMN gconf_is_marked_for_infra_reset BOOLEAN NOT NULL DEFAULT FALSE;
