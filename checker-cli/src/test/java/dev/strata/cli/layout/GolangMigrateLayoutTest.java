package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** golang-migrate files: timestamped .up.sql/.down.sql; the driver's x-no-tx-wrap decides the transaction for all. */
class GolangMigrateLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public List<String> layoutFlags(boolean transactional) {
        return transactional ? List.of() : List.of("--layout", "golang-migrate?x-no-tx-wrap=true");
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            String stem = "2024010112000" + i + "_step_" + (i + 1);
            Files.writeString(dir.resolve(stem + ".up.sql"), String.join("\n", m.up()) + "\n");
            Files.writeString(dir.resolve(stem + ".down.sql"), String.join("\n", m.down()) + "\n");
            out.add(new Written("migrations/" + stem + ".down.sql", 1));
        }
        return out;
    }
}
