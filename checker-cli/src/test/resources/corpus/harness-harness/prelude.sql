-- The bookkeeping table github.com/maragudk/migrate v0.4.3 (Harness' go.mod) creates before the
-- first migration (migrate.go, createMigrationsTable, with Options.Table = "migrations" from
-- harness app/store/database/migrate/migrate.go): the table, then the empty version row it inserts
-- when the table is empty.  V1 (0000_alter_table_migrations) rebuilds it with a primary key.
create table if not exists migrations (version text not null);
insert into migrations values ('');
