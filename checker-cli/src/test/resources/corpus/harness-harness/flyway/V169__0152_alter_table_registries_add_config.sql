ALTER TABLE registries ADD COLUMN registry_config TEXT;

