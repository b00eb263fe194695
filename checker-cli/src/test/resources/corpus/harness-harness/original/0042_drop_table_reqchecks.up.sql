-- use 'IF EXISTS' as we don't recreate on down migration.
DROP TABLE IF EXISTS reqchecks;