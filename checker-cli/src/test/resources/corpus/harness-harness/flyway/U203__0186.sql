ALTER TABLE checks DROP COLUMN check_bypassed_by;
