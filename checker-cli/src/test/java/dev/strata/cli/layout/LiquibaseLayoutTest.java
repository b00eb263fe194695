package dev.strata.cli.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Liquibase formatted SQL changelog: changesets with --rollback lines, runInTransaction:false. */
class LiquibaseLayoutTest implements LayoutContract {

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public List<Written> write(Path project, List<Migration> migrations) throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        List<String> lines = new ArrayList<>(List.of("--liquibase formatted sql", ""));
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            lines.add("--changeset alice:step-" + (i + 1) + (m.transactional() ? "" : " runInTransaction:false"));
            lines.addAll(m.up());
            out.add(new Written("migrations/changelog.sql", lines.size() + 1));
            m.down().forEach(d -> lines.add("--rollback " + d));
            lines.add("");
        }
        Files.writeString(dir.resolve("changelog.sql"), String.join("\n", lines) + "\n");
        return out;
    }
}
