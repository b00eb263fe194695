DROP TABLE IF EXISTS registry_policies;
