ALTER TABLE usergroups
DROP COLUMN usergroup_scope;