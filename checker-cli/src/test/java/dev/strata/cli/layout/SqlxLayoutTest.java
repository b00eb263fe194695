package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** sqlx reversible files, each opting out of its transaction with a first line -- no-transaction. */
class SqlxLayoutTest implements LayoutContract {

    // sqlx's reversible names are golang-migrate's; without a -- no-transaction line the two run a folder alike
    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public List<String> layoutFlags(boolean transactional) {
        return List.of("--layout", "sqlx");
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            String head = m.transactional() ? "" : "-- no-transaction\n";
            String stem = "2024010112000" + i + "_step_" + (i + 1);
            Files.writeString(dir.resolve(stem + ".up.sql"), head + String.join("\n", m.up()) + "\n");
            Files.writeString(dir.resolve(stem + ".down.sql"), head + String.join("\n", m.down()) + "\n");
            out.add(new Written("migrations/" + stem + ".down.sql", m.transactional() ? 1 : 2));
        }
        return out;
    }
}
