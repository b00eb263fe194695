DROP INDEX IF EXISTS idx_entity_labels_uuid_type;
DROP INDEX IF EXISTS idx_entity_labels_label_value_id;

DROP TABLE IF EXISTS entity_labels;