package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application whose tables are SQLAlchemy classes, with a real Python and SQLAlchemy: the models
 * come from its code, a change in the code is caught by check and recorded by revision --autogenerate.
 */
class SqlAlchemyWorkflowTest {

    private static final String PYTHON = Pythons.withSqlAlchemy();

    @TempDir
    Path dir;

    private Cli strata(Path project, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "-C";
        all[1] = project.toString();
        all[2] = "--models-python";
        all[3] = PYTHON;
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    private Path shop() {
        Path project = ExampleProject.fixture("sqlalchemy-shop", dir.resolve("shop"));
        Cli first = strata(project, "revision", "--autogenerate", "-m", "Create the shop");
        assertEquals(0, first.exit(), first.toString());
        return project;
    }

    @Test
    void revision_autogenerate_records_the_tables_the_sqlalchemy_classes_declare() throws Exception {
        Path project = shop();

        String up = Files.readString(project.resolve("db/migration/V1__create_the_shop.sql"));

        assertTrue(up.contains("CREATE TABLE \"customers\""), up);
        assertTrue(up.contains("AUTOINCREMENT"), up);
        assertTrue(up.contains("REFERENCES \"customers\""), up);
        assertTrue(up.contains("ON DELETE CASCADE"), up);
        assertTrue(up.contains("CREATE INDEX \"ix_orders_customer\""), up);
    }

    @Test
    void check_passes_when_the_migrations_build_what_the_code_declares() {
        Path project = shop();

        Cli check = strata(project, "check");

        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("models         passed"), check.out());
    }

    @Test
    void a_column_added_in_code_fails_check_naming_it_and_autogenerate_then_records_it() throws Exception {
        Path project = shop();
        Path models = project.resolve("shop/models.py");
        Files.writeString(models, Files.readString(models).replace(
                "    customer = relationship(",
                "    note = Column(Text)\n    customer = relationship("));

        Cli failing = strata(project, "check");
        Cli fix = strata(project, "revision", "--autogenerate", "-m", "Add a note to orders");
        Cli passing = strata(project, "check");

        assertEquals(1, failing.exit(), failing.toString());
        assertTrue(failing.out().contains("error [models]: table orders: column note is in the models but not in the migrations\n"
                + "  at sqlalchemy shop.models:Base"), failing.out());
        assertEquals(0, fix.exit(), fix.toString());
        assertTrue(fix.out().contains("note"), fix.out());
        assertEquals(0, passing.exit(), passing.toString());
    }

    @Test
    void reading_the_models_writes_nothing_into_the_application() {
        Path project = shop();

        strata(project, "diff");

        assertFalse(Files.exists(project.resolve("shop/__pycache__")));
    }
}
