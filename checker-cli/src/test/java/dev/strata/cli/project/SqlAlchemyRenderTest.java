package dev.strata.cli.project;

import dev.strata.cli.Pythons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Python run itself: bounded in time, and its messages keep the environment's secrets out. */
class SqlAlchemyRenderTest {

    @Test
    void a_module_that_never_finishes_importing_is_stopped_and_named(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/__init__.py"), "");
        Files.writeString(dir.resolve("app/server.py"), "import time\nwhile True:\n    time.sleep(1)\n");
        SqlAlchemyModels models = new SqlAlchemyModels("app.server:Base", Pythons.withSqlAlchemy(), dir, dir);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlAlchemyRender.ddl(models, Duration.ofSeconds(2)));

        assertEquals("sqlalchemy app.server:Base: Python did not finish rendering the models within 2 s; importing app.server must "
                + "not start the application (a server, a database connection): guard that with if __name__ == \"__main__\"",
                e.getMessage());
    }

    @Test
    void values_of_secret_variables_and_passwords_in_urls_are_blotted_out() {
        String message = "OperationalError: could not connect to postgresql://shop:hunter22@db/shop with token abc123xyz";

        String shown = SqlAlchemyRender.redact(message, Map.of("API_TOKEN", "abc123xyz", "HOME", "/root"));

        assertEquals("OperationalError: could not connect to postgresql://shop:***@db/shop with token ***", shown);
    }

    @Test
    void the_reason_is_the_scripts_own_line_else_the_last_line_python_printed() {
        assertEquals("importing x failed", SqlAlchemyRender.reason("noise\nstrata-error: importing x failed\n"));
        assertEquals("SyntaxError: invalid syntax", SqlAlchemyRender.reason("  File \"x\", line 1\n\nSyntaxError: invalid syntax\n"));
    }
}
