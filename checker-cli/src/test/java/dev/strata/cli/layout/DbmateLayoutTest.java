package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** dbmate files: timestamped, migrate:up and migrate:down sections, transaction:false on a marker. */
class DbmateLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "dbmate";
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            String options = m.transactional() ? "" : " transaction:false";
            List<String> lines = new ArrayList<>();
            lines.add("-- migrate:up" + options);
            lines.addAll(m.up());
            lines.add("");
            lines.add("-- migrate:down" + options);
            int down = lines.size() + 1;
            lines.addAll(m.down());
            String name = "2024010112000" + i + "_step_" + (i + 1) + ".sql";
            Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
            out.add(new Written("migrations/" + name, down));
        }
        return out;
    }
}
