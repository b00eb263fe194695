package dev.strata.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.git.GitRepository;
import dev.strata.cli.git.VersionTag;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.cli.registry.CheckpointAudit;
import dev.strata.cli.registry.RegistryClient;
import dev.strata.cli.registry.RegistryTrust;
import dev.strata.cli.registry.ReleaseAudit;
import dev.strata.cli.registry.UntrustedRegistryException;
import dev.strata.events.Revision;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.HistoryProblem;
import dev.strata.events.json.HistoryVerifier;
import dev.strata.events.json.RevisionFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code strata audit}: verify the hash chain, of the local revisions or of the registry's log (--registry); with a
 * registry, also that its log extends every signed checkpoint given (and the one kept by push and gate), and with
 * {@code --against-git REF} that every revision released in a version tag is in the registry unchanged.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the hash chain: of the local revision files, or with --registry of the registry's log, its checkpoints"
                + " and, with --against-git, the released revisions.")
public final class AuditCommand extends StrataSubcommand {

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A signed checkpoint (or a deploy plan JSON holding one) the"
            + " registry's log must extend; repeatable. The one kept in .strata/checkpoints is checked too.")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--against-git", paramLabel = "REF", description = "Also prove that every revision released in a version tag"
            + " reachable from REF is in the registry with the same hash.")
    String againstGit;

    @Override
    int execute() {
        ProjectConfig config = config();
        if (config.registry() == null) {
            if (!checkpoints.isEmpty() || againstGit != null) {
                throw new InvalidInputException((againstGit != null ? "--against-git" : "--checkpoint") + " audits a registry: give"
                        + " --registry URL or set 'registry' in strata.yaml");
            }
            return local(config);
        }
        RegistryClient client = RegistryCalls.client(config);
        List<String> problems = new ArrayList<>(chain(client, config.subject()));
        RegistryTrust trust = new RegistryTrust(config.root(), config::show, client);
        PublicKey key = trust.pinnedKey();
        if (trust.pinnedNow()) {
            out().println("pinned the registry's signing key in " + trust.show(trust.pinFile()) + " (first use; commit it)");
        }
        Set<Path> files = new LinkedHashSet<>();
        checkpoints.forEach(f -> files.add(config.root().resolve(f).toAbsolutePath().normalize()));
        trust.kept(config.subject()).ifPresent(files::add);
        for (Path file : files) {
            String shown = trust.show(file);
            try {
                Checkpoint c = RegistryTrust.verified(CheckpointJson.read(read(file, shown), shown), key, shown);
                List<String> found = CheckpointAudit.problems(client, c, shown);
                problems.addAll(found);
                out().println("checkpoint " + shown + " (" + c.describe() + "): " + (found.isEmpty() ? "the registry's log extends it"
                        : "NOT extended by the registry's log"));
            } catch (UntrustedRegistryException e) {
                problems.add(e.getMessage());
            }
        }
        if (againstGit != null) {
            problems.addAll(releases(config, client));
        }
        problems.forEach(p -> out().println("  " + p));
        out().println(problems.isEmpty() ? "audit passed" : "audit FAILED: " + problems.size() + " problem(s); the audit wrote nothing");
        return problems.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private int local(ProjectConfig config) {
        List<Revision> revisions = project().revisions();
        List<HistoryProblem> problems = HistoryVerifier.verify(revisions, config.show(config.events()));
        problems.forEach(p -> out().println(p.file() + ": " + p.message()));
        out().println(problems.isEmpty() ? "chain verified: " + revisions.size() + " revisions" + (revisions.isEmpty() ? ""
                : ", head " + revisions.get(revisions.size() - 1).hash()) : problems.size() + " problem(s) in the chain");
        return problems.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** The registry's own verification of its chain, printed; returns its problems. */
    private List<String> chain(RegistryClient client, String subject) {
        var reply = RegistryCalls.require(client.audit(subject), "auditing " + subject);
        try {
            JsonNode audit = new ObjectMapper().readTree(reply.body());
            List<String> problems = new ArrayList<>();
            audit.get("problems").forEach(p -> problems.add(subject + " version " + p.get("version").asLong() + ": " + p.get("message").asText()));
            boolean verified = audit.get("verified").asBoolean();
            out().println((verified ? "registry chain verified: " : "registry chain BROKEN: ") + audit.get("events").asLong()
                    + " events of " + subject + ", head " + audit.get("head").asText());
            return problems;
        } catch (IOException | NullPointerException e) {
            throw new OperationFailedException("the registry's audit of " + subject + " is not the expected JSON: " + e.getMessage(), e);
        }
    }

    /** Every revision released in a version tag reachable from --against-git, compared with the registry's. */
    private List<String> releases(ProjectConfig config, RegistryClient client) {
        List<String> problems = new ArrayList<>();
        ReleaseAudit audit = new ReleaseAudit(client, config.subject());
        try (GitRepository git = GitRepository.find(config.root())) {
            String events = git.relative(config.events());
            String ref = git.commit(againstGit);
            int tags = 0;
            for (VersionTag tag : git.versionTags()) {
                if (git.reachable(tag.commit(), ref)) {
                    tags++;
                    problems.addAll(audit.problems(tag.name(), RevisionFiles.parse(git.files(tag.name(), events), tag.name() + ":" + events)));
                }
            }
            out().println("released revisions: " + tags + " version tag(s) reachable from " + againstGit + " compared with the registry");
        }
        return problems;
    }

    private static String read(Path file, String shown) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("--checkpoint " + shown + ": cannot read it (" + e.getClass().getSimpleName() + "); give a"
                    + " checkpoint JSON file, such as .strata/checkpoints/<subject>.json or a deploy plan's JSON");
        }
    }
}
