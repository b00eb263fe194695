package dev.strata.cli.git;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.cli.Pythons;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release gate reads SQLAlchemy models as the tag has them: the package's code at the tag, not the work tree's. */
class SqlAlchemyGateTest {

    private static final String PYTHON = Pythons.withSqlAlchemy();
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.com");

    @TempDir
    Path repoDir;

    private Cli strata(Path project, String... args) {
        String[] full = new String[args.length + 4];
        System.arraycopy(new String[] {"-C", project.toString(), "--models-python", PYTHON}, 0, full, 0, 4);
        System.arraycopy(args, 0, full, 4, args.length);
        return Cli.run(full);
    }

    @Test
    void the_gate_checks_the_models_code_of_the_tag_while_the_work_tree_has_moved_on() throws Exception {
        Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        Path project = ExampleProject.fixture("sqlalchemy-shop", repoDir.resolve("shop"));
        assertEquals(0, strata(project, "revision", "--autogenerate", "-m", "Create the shop").exit());
        git.add().addFilepattern(".").call();
        git.commit().setMessage("the shop").setAuthor(ME).setCommitter(ME).call();
        git.tag().setName("v0.1.0").call();
        Path models = project.resolve("shop/models.py");
        Files.writeString(models, Files.readString(models).replace("    customer = relationship(",
                "    note = Column(Text)\n    customer = relationship("));

        Cli gate = strata(project, "gate", "v0.1.0");
        Cli check = strata(project, "check");

        assertEquals(0, gate.exit(), gate.toString());
        assertTrue(gate.out().contains("gate v0.1.0: OPEN; deploys revision 1\n"), gate.out());
        assertEquals(1, check.exit(), check.toString());
        git.close();
    }
}
