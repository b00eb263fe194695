ALTER TABLE gitspaces ADD COLUMN gits_plugin_url TEXT;
