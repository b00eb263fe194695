ALTER TABLE outputs ADD last_validation_timestamp DATETIME NULL;
