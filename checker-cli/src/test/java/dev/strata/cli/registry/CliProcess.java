package dev.strata.cli.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code strata ARGS} as its own process with the registry's write token in STRATA_REGISTRY_TOKEN, as CI runs it. */
record CliProcess(int exit, String output) {

    static CliProcess run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.strata.cli.StrataCommand"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("STRATA_REGISTRY_TOKEN", RegistryProcess.TOKEN);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("strata did not finish within 120 s: " + output);
        }
        return new CliProcess(p.exitValue(), output);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + output;
    }
}
