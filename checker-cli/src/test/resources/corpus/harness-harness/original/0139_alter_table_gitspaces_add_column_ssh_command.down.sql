ALTER TABLE gitspaces DROP COLUMN gits_ssh_command;
ALTER TABLE gitspaces DROP COLUMN gits_plugin_url;
