package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryDownTest {

    @TempDir
    Path dir;

    @Test
    void a_push_to_a_registry_that_is_down_says_so_instead_of_null() throws Exception {
        Path p = ExampleProject.copyTo(dir.resolve("project"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        Cli cli = Cli.run("-C", p.toString(), "--registry", "http://127.0.0.1:" + port, "push");

        assertEquals(3, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("did not answer POST /v1/subjects/stock-analyzer/revisions: nothing accepts connections there"
                + " (connection refused); check that it runs and that --registry (or 'registry' in strata.yaml) points at it"), cli.err());
        assertFalse(cli.err().contains("null"), cli.err());
    }
}
