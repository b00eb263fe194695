package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLAlchemy models that cannot be read: exit code 2, and a message that says what to install or fix. */
class SqlAlchemyErrorsTest {

    private static final String PYTHON = Pythons.withSqlAlchemy();

    @TempDir
    Path dir;

    private Path shop() {
        return ExampleProject.fixture("sqlalchemy-shop", dir.resolve("shop"));
    }

    private static Cli diff(Path project, String interpreter, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"-C", project.toString(), "--models-python", interpreter, "diff"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }

    @Test
    void a_python_that_is_not_there_names_the_setting_and_how_to_make_one() {
        Path project = shop();

        Cli cli = diff(project, ".venv");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: models.python: .venv: no such file or folder; create the virtual environment (python3 -m venv .venv "
                + "&& .venv/bin/pip install sqlalchemy) or point python at an interpreter\n", cli.err());
    }

    @Test
    void a_python_command_not_on_the_path_says_to_install_python() {
        Path project = shop();

        Cli cli = diff(project, "python-that-does-not-exist");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: sqlalchemy shop.models:Base: cannot run Python (python-that-does-not-exist): "), cli.err());
        assertTrue(cli.err().endsWith("; install Python 3 with SQLAlchemy (Debian: apt-get install python3-sqlalchemy), or set "
                + "models.python in strata.yaml to an interpreter or a virtual environment\n"), cli.err());
    }

    @Test
    void a_python_without_sqlalchemy_says_to_install_it() throws Exception {
        Path project = shop();
        // the same interpreter without its site packages: SQLAlchemy is not importable there
        Path bare = Files.writeString(dir.resolve("python-without-site"), "#!/bin/sh\nexec " + PYTHON + " -S \"$@\"\n");
        Files.setPosixFilePermissions(bare, PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli cli = diff(project, bare.toString());

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: sqlalchemy shop.models:Base: SQLAlchemy is not installed for "), cli.err());
        assertTrue(cli.err().contains("ModuleNotFoundError: No module named 'sqlalchemy'; install it (Debian: apt-get install "
                + "python3-sqlalchemy; in a virtual environment: pip install sqlalchemy), or set models.python to the interpreter "
                + "that has it\n"), cli.err());
    }

    @Test
    void an_error_in_the_module_names_its_file_line_and_the_last_line_of_the_traceback() throws Exception {
        Path project = shop();
        Path models = project.resolve("shop/models.py");
        Files.writeString(models, Files.readString(models).replace("Base = declarative_base()\n",
                "Base = declarative_base()\nsettings = load_settings()\n"));

        Cli cli = diff(project, PYTHON);

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: sqlalchemy shop.models:Base: importing shop.models failed at shop/models.py line 5: NameError: name "
                + "'load_settings' is not defined; fix the module, or set models.path to the folder that holds the package 'shop'\n",
                cli.err());
    }

    @Test
    void a_package_not_on_the_path_says_where_to_point_models_path() {
        Path project = shop();

        Cli cli = diff(project, PYTHON, "--models-path", "src");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: sqlalchemy shop.models:Base: importing shop.models failed: ModuleNotFoundError: No module named "
                + "'shop'; fix the module, or set models.path to the folder that holds the package 'shop'\n", cli.err());
    }

    @Test
    void an_attribute_that_is_not_there_names_the_module_and_the_form() {
        Path project = shop();

        Cli cli = diff(project, PYTHON, "--models", "sqlalchemy:shop.models:Model");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: sqlalchemy shop.models:Model: shop.models has no attribute 'Model'; name the declarative base or "
                + "MetaData, such as shop.models:Base\n", cli.err());
    }

    @Test
    void an_attribute_that_is_not_metadata_or_a_model_says_what_to_name() {
        Path project = shop();

        Cli cli = diff(project, PYTHON, "--models", "sqlalchemy:shop.models:text");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: sqlalchemy shop.models:text: shop.models:text is a "), cli.err());
        assertTrue(cli.err().endsWith(", not a declarative base or MetaData; name the class your models derive from, such as "
                + "shop.models:Base\n"), cli.err());
    }

    @Test
    void ddl_attached_to_the_metadata_that_is_not_a_create_is_refused() throws Exception {
        Path project = shop();
        Path models = project.resolve("shop/models.py");
        Files.writeString(models, Files.readString(models) + "\nfrom sqlalchemy import DDL, event\n"
                + "event.listen(Base.metadata, 'after_create', DDL(\"ATTACH DATABASE '/tmp/x.db' AS x\"))\n");

        Cli cli = diff(project, PYTHON);

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: sqlalchemy shop.models:Base: statement 4 (line "), cli.err());
        assertTrue(cli.err().contains("ATTACH DATABASE '/tmp/x.db' AS x): models hold only CREATE TABLE, CREATE INDEX, CREATE VIEW "
                + "and CREATE TRIGGER statements; move anything else to a migration"), cli.err());
    }

    @Test
    void a_malformed_target_names_the_key_and_the_form() {
        Path project = shop();

        Cli cli = diff(project, PYTHON, "--models", "sqlalchemy:shop.models");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: --models: 'shop.models' is not MODULE:ATTRIBUTE; name the module and its declarative base, such as "
                + "app.models:Base\n", cli.err());
    }
}
