package dev.strata.cli;

import dev.strata.cli.project.SqlAlchemyModels;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example's tables as SQLAlchemy classes (app/models.py) describe exactly the schema of its
 * schema/models.yaml: the proof a team runs before it moves its models from the YAML to its code.
 */
class StockAnalyzerSqlAlchemyTest {

    private static final Path EXAMPLE = ExampleProject.SOURCE;
    private static final String PYTHON = Pythons.withSqlAlchemy();

    @Test
    void app_models_py_declares_the_same_schema_as_models_yaml() throws Exception {
        Schema yaml = ModelsYaml.read(Files.readString(EXAMPLE.resolve("schema/models.yaml")), "schema/models.yaml");

        Schema code = new SqlAlchemyModels("app.models:Base", PYTHON, EXAMPLE, EXAMPLE).read();

        assertEquals(List.of(), SchemaDiff.differences(yaml, code, "models.yaml", "app/models.py"));
        assertEquals(yaml, code);
    }

    @Test
    void check_passes_with_the_sqlalchemy_models_in_place_of_the_yaml(@TempDir Path dir) {
        Path copy = ExampleProject.copyTo(dir.resolve("stock-analyzer"));

        Cli cli = Cli.run("-C", copy.toString(), "check", "--models", "sqlalchemy:app.models:Base", "--models-python", PYTHON);

        assertEquals(0, cli.exit(), cli.toString());
    }
}
