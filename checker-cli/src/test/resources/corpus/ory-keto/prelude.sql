-- The `networks` table of ory/x networkx, whose migrations Keto merges into its own migration box
-- (internal/driver/registry_default.go: fsx.Merge(sql.Migrations, networkx.Migrations, ...));
-- networkx's only migration, version 20150100000001000000, sorts before all of Keto's.
-- Verbatim from oryx/networkx/migrations/sql/20150100000001000000_networks.sqlite3.up.sql
-- (Keto's in-repo copy of ory/x at the pinned commit).
CREATE TABLE "networks" (
"id" TEXT PRIMARY KEY,
"created_at" DATETIME NOT NULL,
"updated_at" DATETIME NOT NULL
);
