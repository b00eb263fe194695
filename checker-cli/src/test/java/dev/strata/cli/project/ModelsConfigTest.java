package dev.strata.cli.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The forms of strata.yaml's models key and of the --models flags. */
class ModelsConfigTest {

    @TempDir
    Path root;

    private ProjectConfig load(String yaml, String modelsFlag, String pythonFlag) throws Exception {
        if (yaml != null) {
            Files.writeString(root.resolve(ProjectConfig.FILE), yaml);
        }
        return ProjectConfig.load(root, new ProjectConfig.Overrides(null, null, modelsFlag, pythonFlag, null, null, null, null, null,
                null, null, null));
    }

    @Test
    void no_models_key_means_schema_models_yaml_if_it_exists() throws Exception {
        ModelsSource models = load(null, null, null).models();

        assertEquals(new ModelsFile(root.resolve("schema/models.yaml"), "schema/models.yaml", false), models);
    }

    @Test
    void a_mapping_names_the_sqlalchemy_base_its_interpreter_and_its_folder() throws Exception {
        ModelsSource models = load("models: {sqlalchemy: \"app.models:Base\", python: .venv, path: src}\n", null, null).models();

        assertEquals(new SqlAlchemyModels("app.models:Base", ".venv", root.resolve("src"), root), models);
    }

    @Test
    void the_flag_replaces_the_key_and_keeps_its_interpreter_for_code() throws Exception {
        ModelsSource models = load("models: {sqlalchemy: \"app.models:Base\", python: .venv}\n", "sqlalchemy:app.db:metadata", null)
                .models();

        assertEquals(new SqlAlchemyModels("app.db:metadata", ".venv", root, root), models);
    }

    @Test
    void a_file_flag_replaces_sqlalchemy_models_of_the_yaml() throws Exception {
        ModelsSource models = load("models: {sqlalchemy: \"app.models:Base\", python: .venv}\n", "target/strata/models.sql", null)
                .models();

        assertEquals(new ModelsFile(root.resolve("target/strata/models.sql"), "target/strata/models.sql", true), models);
    }

    @Test
    void a_mapping_without_sqlalchemy_says_what_to_name() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load("models: {python: .venv}\n", null, null));

        assertEquals("strata.yaml: models: name the code that declares the models, such as models: {sqlalchemy: \"app.models:Base\"}; "
                + "or give a file, such as models: schema/models.yaml", e.getMessage());
    }

    @Test
    void an_unknown_key_in_the_mapping_lists_the_valid_ones() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("models: {sqlalchemy: \"app.models:Base\", venv: .venv}\n", null, null));

        assertEquals("strata.yaml: models.venv: unknown key; valid keys are [path, python, sqlalchemy], such as models: "
                + "{sqlalchemy: \"app.models:Base\", python: .venv, path: .}", e.getMessage());
    }

    @Test
    void an_interpreter_for_a_models_file_is_refused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(null, "schema/models.sql", "python3"));

        assertEquals("models.python and models.path go with SQLAlchemy models, not with the file schema/models.sql", e.getMessage());
    }
}
