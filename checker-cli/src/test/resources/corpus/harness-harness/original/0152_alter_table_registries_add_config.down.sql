ALTER TABLE registries DROP COLUMN registry_config;

