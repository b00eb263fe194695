package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** goose files: Up and Down sections in one file, NO TRANSACTION for the whole file. */
class GooseLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "goose";
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            List<String> lines = new ArrayList<>();
            if (!m.transactional()) {
                lines.add("-- +goose NO TRANSACTION");
            }
            lines.add("-- +goose Up");
            lines.add("-- +goose StatementBegin");
            lines.addAll(m.up());
            lines.add("-- +goose StatementEnd");
            lines.add("");
            lines.add("-- +goose Down");
            int down = lines.size() + 1;
            lines.addAll(m.down());
            String name = String.format("%05d_step_%d.sql", i + 1, i + 1);
            Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
            out.add(new Written("migrations/" + name, down));
        }
        return out;
    }
}
