package dev.strata.maven;

import dev.strata.cli.StrataCommand;
import dev.strata.maven.hibernate.HibernateModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java team's loop with real Hibernate and the real strata command: the entities' models start a
 * history, a changed entity fails check naming the new column, revision --autogenerate records it.
 */
class EntityChangeWorkflowTest {

    @TempDir
    Path project;

    private record Run(int exit, String out) {
    }

    private Run strata(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString(), "--models", "target/strata/models.sql"));
        all.addAll(List.of(args));
        String[] argv = all.toArray(String[]::new);
        StringWriter out = new StringWriter();
        int exit = StrataCommand.commandLine(argv).setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(argv);
        return new Run(exit, out.toString());
    }

    private void render(Class<?> product) throws Exception {
        List<Class<?>> entities = new ArrayList<>(HibernateModelsTest.SHOP.subList(0, 3));
        entities.add(product);
        Path models = Files.createDirectories(project.resolve("target/strata")).resolve("models.sql");
        Files.writeString(models, HibernateModels.render(entities, getClass().getClassLoader()));
    }

    @Test
    void a_changed_entity_fails_check_and_autogenerate_records_the_change() throws Exception {
        render(com.example.shop.Product.class);
        Run created = strata("revision", "--autogenerate", "-m", "Create the shop");
        Run first = strata("check");
        render(dev.strata.maven.shop.PricedProduct.class);

        Run failing = strata("check");
        Run recorded = strata("revision", "--autogenerate", "-m", "Price products");
        Run passing = strata("check");

        assertEquals(0, created.exit(), created.out());
        assertEquals(0, first.exit(), first.out());
        assertEquals(1, failing.exit(), failing.out());
        assertTrue(failing.out().contains("error [models]: table products: column price_cents is in the models but not in the migrations"),
                failing.out());
        assertEquals(0, recorded.exit(), recorded.out());
        assertTrue(Files.readString(project.resolve("db/migration/V2__price_products.sql"))
                .contains("ALTER TABLE \"products\" ADD COLUMN \"price_cents\""), recorded.out());
        assertEquals(0, passing.exit(), passing.out());
    }
}
