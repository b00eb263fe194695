package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Flyway's V/U files with .sql.conf, as Strata has always read them. */
class FlywayLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            int n = i + 1;
            Files.writeString(dir.resolve("V" + n + "__step.sql"), String.join("\n", m.up()) + "\n");
            Files.writeString(dir.resolve("U" + n + "__step.sql"), String.join("\n", m.down()) + "\n");
            if (!m.transactional()) {
                Files.writeString(dir.resolve("V" + n + "__step.sql.conf"), "executeInTransaction=false\n");
                Files.writeString(dir.resolve("U" + n + "__step.sql.conf"), "executeInTransaction=false\n");
            }
            out.add(new Written("migrations/U" + n + "__step.sql", 1));
        }
        return out;
    }
}
