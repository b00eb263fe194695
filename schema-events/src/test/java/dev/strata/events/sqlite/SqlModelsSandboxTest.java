package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Models run in SQLite as CREATE statements only: whoever wrote them, they never reach a file or a setting. */
class SqlModelsSandboxTest {

    private static final String TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY);\n";

    @Test
    void attach_is_refused_and_names_the_statement(@TempDir Path dir) {
        Path file = dir.resolve("elsewhere.db");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlModels.parse(TABLE + "ATTACH DATABASE '" + file + "' AS other;\n"));

        assertEquals("statement 2 (line 2, ATTACH DATABASE '" + file + "' AS other): models hold only CREATE TABLE, CREATE INDEX, "
                + "CREATE VIEW and CREATE TRIGGER statements; move anything else to a migration", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void vacuum_into_a_file_is_refused(@TempDir Path dir) {
        Path file = dir.resolve("copy.db");

        assertThrows(IllegalArgumentException.class, () -> SqlModels.parse(TABLE + "VACUUM INTO '" + file + "';\n"));

        assertFalse(Files.exists(file));
    }

    @Test
    void pragmas_and_rows_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> SqlModels.parse(TABLE + "PRAGMA writable_schema = ON;\n"));
        assertThrows(IllegalArgumentException.class, () -> SqlModels.parse(TABLE + "INSERT INTO t VALUES (1);\n"));
    }

    @Test
    void every_kind_of_create_with_comments_is_read() {
        Schema schema = SqlModels.parse("""
                -- rendered by a tool
                CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
                /* a comment */ CREATE UNIQUE INDEX ux_t_v ON t (v);
                CREATE VIEW tv AS SELECT v FROM t;
                CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = lower(v) WHERE id = new.id; END;
                CREATE VIRTUAL TABLE docs USING fts5(body);
                """);

        assertEquals(List.of(1, 1, 1, 1, 1), List.of(schema.tables().size(), schema.indexes().size(), schema.views().size(),
                schema.triggers().size(), schema.virtualTables().size()));
    }
}
