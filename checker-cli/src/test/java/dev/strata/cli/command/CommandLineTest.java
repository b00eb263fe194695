package dev.strata.cli.command;

import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line builds only the subcommands it is given; help and errors still know every one. */
class CommandLineTest {

    private static final List<String> ALL = List.of("check", "history", "schema", "diff", "revision", "generate", "upgrade",
            "downgrade", "current", "backup", "restore", "stamp", "init", "rebase", "gate", "push", "audit");

    @Test
    void help_lists_every_subcommand() {
        Cli cli = Cli.run("--help");

        assertEquals(0, cli.exit(), cli.toString());
        for (String name : ALL) {
            assertTrue(cli.out().contains("\n  " + name + " "), name + " missing from\n" + cli.out());
        }
    }

    @Test
    void a_missing_subcommand_lists_every_one() {
        Cli cli = Cli.run("--subject", "prices");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("missing command: use one of " + String.join(", ", ALL)), cli.err());
    }

    @Test
    void a_mistyped_subcommand_is_refused_with_the_closest_suggested() {
        Cli cli = Cli.run("chek");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: Unmatched argument at index 0: 'chek'\nDid you mean: strata check or strata schema?\n"
                + "run `strata --help` for its options\n", cli.err());
    }

    @Test
    void a_subcommand_reads_the_inherited_options_before_and_after_its_name() {
        Cli before = Cli.run("-C", "no/such/folder", "history");
        Cli after = Cli.run("history", "-C", "no/such/folder");

        assertEquals(2, before.exit(), before.toString());
        assertEquals(before.err(), after.err());
        assertTrue(before.err().contains("-C no/such/folder: no such folder"), before.err());
    }
}
