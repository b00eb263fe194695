package dev.strata.events.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlSplitterTest {

    @Test
    void splits_at_top_level_semicolons_and_reports_start_lines() {
        List<SqlSplitter.Statement> s = SqlSplitter.split("CREATE TABLE a (x TEXT DEFAULT ';');\n\nINSERT INTO a VALUES ('b;c');\n");

        assertEquals(List.of(new SqlSplitter.Statement("CREATE TABLE a (x TEXT DEFAULT ';');", 1),
                new SqlSplitter.Statement("INSERT INTO a VALUES ('b;c');", 3)), s);
    }

    @Test
    void keeps_a_trigger_body_whole_including_case_expressions() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                + "  UPDATE a SET x = CASE WHEN x IS NULL THEN 'n' ELSE x END WHERE rowid = new.rowid;\n"
                + "  DELETE FROM b;\nEND;";

        List<SqlSplitter.Statement> s = SqlSplitter.split(trigger + "\nDROP TABLE c;");

        assertEquals(2, s.size());
        assertEquals(trigger, s.get(0).sql());
        assertEquals(5, s.get(1).line());
    }

    @Test
    void comments_and_empty_statements_are_not_statements() {
        List<SqlSplitter.Statement> s = SqlSplitter.split("-- header; with a semicolon\n;\n/* x; */ SELECT 1;;\n-- trailing\n");

        assertEquals(List.of("/* x; */ SELECT 1;"), s.stream().map(SqlSplitter.Statement::sql).toList());
    }

    @Test
    void lines_count_past_dropped_statements_and_trigger_bodies() {
        String script = "-- only a comment;\n;\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  DELETE FROM b;\nEND;\n\n"
                + "/* lead */\n  SELECT 1;\nSELECT\n2";

        assertEquals(List.of(new SqlSplitter.Statement("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  DELETE FROM b;\nEND;", 3),
                new SqlSplitter.Statement("/* lead */\n  SELECT 1;", 7), new SqlSplitter.Statement("SELECT\n2", 9)),
                SqlSplitter.split(script));
    }

    @Test
    void trigger_keywords_are_matched_in_any_case() {
        assertEquals(2, SqlSplitter.split("create trigger t after insert on a begin delete from b; End; select 1;").size());
    }

    @Test
    void a_last_statement_without_semicolon_is_kept() {
        assertEquals(List.of("SELECT 1;", "SELECT 2"), SqlSplitter.split("SELECT 1; SELECT 2").stream()
                .map(SqlSplitter.Statement::sql).toList());
    }
}
