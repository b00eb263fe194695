package dev.strata.cli.registry;

import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real registry, run as its own process from the test class path (started by class name: the CLI never uses the
 * registry's code), on 127.0.0.1 with its SQLite store in a data folder the test can edit while it is stopped.
 */
final class RegistryProcess implements AutoCloseable {

    static final String TOKEN = "checkpoint-write-token-0123456789";
    private static final Pattern LISTENING = Pattern.compile("^strata registry listening on http://127\\.0\\.0\\.1:(\\d+) ");

    private final Path data;
    private Process process;
    private int port;

    RegistryProcess(Path data) {
        this.data = data;
    }

    /** Starts it (again) on a free port, reads open, writes with {@link #TOKEN}. */
    RegistryProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.strata.registry.RegistryMain", "--port", "0", "--data", data.toString(),
                "--open-reads"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("STRATA_REGISTRY_TOKENS", "write:" + TOKEN);
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "registry-output");
                drain.setDaemon(true);
                drain.start();
                return this;
            }
        }
        throw new AssertionError("the registry exited before listening");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Deletes the subject's log events from {@code version} on, as someone with the file would (the registry stopped). */
    void truncate(String subject, long version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("registry.db"));
             PreparedStatement st = c.prepareStatement("DELETE FROM registry_events WHERE subject = ? AND version >= ?")) {
            st.setString(1, subject);
            st.setLong(2, version);
            st.executeUpdate();
        }
    }

    /** A write with the token: {@code POST path body}; returns the status and body. */
    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> push(String subject, List<Revision> revisions) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < revisions.size(); i++) {
            body.append(i == 0 ? "" : ",").append(RevisionCodec.write(revisions.get(i)));
        }
        return post("/v1/subjects/" + subject + "/revisions", body.append("]").toString());
    }

    /** Pushes the project's revisions over HTTP and keeps the reply's checkpoint where {@code strata push} keeps it. */
    void pushAndKeep(Path project) throws IOException, InterruptedException {
        List<Revision> revisions = dev.strata.events.json.RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
        HttpResponse<String> reply = push("stock-analyzer", revisions);
        if (reply.statusCode() >= 300) {
            throw new AssertionError("push: " + reply.statusCode() + " " + reply.body());
        }
        Path file = java.nio.file.Files.createDirectories(project.resolve(".strata/checkpoints")).resolve("stock-analyzer.json");
        java.nio.file.Files.writeString(file, dev.strata.events.json.CheckpointJson.write(
                dev.strata.events.json.CheckpointJson.read(reply.body(), "push reply")));
    }

    /** {@code strata --registry URL audit MORE} run in-process in {@code project} (reads are open: no token needed). */
    dev.strata.cli.Cli audit(Path project, String... more) {
        List<String> args = new ArrayList<>(List.of("--registry", url(), "audit"));
        args.addAll(List.of(more));
        return dev.strata.cli.Cli.in(project, args.toArray(String[]::new));
    }

    /** The checkpoint push and gate keep in {@code project}. */
    static dev.strata.events.checkpoint.Checkpoint kept(Path project) throws IOException {
        return dev.strata.events.json.CheckpointJson.read(
                java.nio.file.Files.readString(project.resolve(".strata/checkpoints/stock-analyzer.json")), "kept");
    }

    /** Stops it and waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the registry did not stop within 60 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
