ALTER TABLE gitspaces DROP COLUMN gits_plugin_url;
