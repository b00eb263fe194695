DROP INDEX IF EXISTS idx_images_registry_id_name;
