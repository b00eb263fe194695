package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Diesel folders: up.sql, down.sql and metadata.toml with run_in_transaction = false. */
class DieselLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "diesel";
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            String name = "2024-01-0" + (i + 1) + "-120000_step_" + (i + 1);
            Path dir = Files.createDirectories(project.resolve("migrations").resolve(name));
            Files.writeString(dir.resolve("up.sql"), String.join("\n", m.up()) + "\n");
            Files.writeString(dir.resolve("down.sql"), String.join("\n", m.down()) + "\n");
            if (!m.transactional()) {
                Files.writeString(dir.resolve("metadata.toml"), "run_in_transaction = false\n");
            }
            out.add(new Written("migrations/" + name + "/down.sql", 1));
        }
        return out;
    }
}
