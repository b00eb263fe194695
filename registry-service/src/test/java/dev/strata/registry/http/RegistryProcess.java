package dev.strata.registry.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry run as its own process from the test class path, as {@code java -jar registry.jar} runs it. */
final class RegistryProcess {

    private static final Pattern LISTENING = Pattern.compile("^strata registry listening on http://127\\.0\\.0\\.1:(\\d+) ");

    private RegistryProcess() {
    }

    /** Starts {@code RegistryMain} with {@code args} and the environment variables {@code env}; output and errors merged. */
    static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.strata.registry.RegistryMain"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("STRATA_REGISTRY_TOKENS");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Reads the output up to the "listening" line (started with {@code --port 0}) and returns the port it names. */
    static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the registry exited with " + waitFor(server) + " before listening");
    }

    /** Waits for the process to end, at most a minute, and returns its exit code. */
    static int waitFor(Process process) {
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the registry did not exit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }
}
