package dev.strata.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.checkpoint.Checkpoint;

import java.util.List;

/**
 * What releasing a tag deploys: the revisions since the previous tag with their upgrade SQL, the
 * rollback SQL, the risky steps, the commands to run, and the registry's signed checkpoint after the release
 * (null without a registry); as Markdown for people and JSON for tools.
 */
public record DeployPlan(String subject, String tag, String previousTag, int from, int to, List<Step> steps,
                         List<String> reasonsClosed, Checkpoint checkpoint) {

    /** One revision to deploy. */
    public record Step(int revision, String label, String message, String upFile, String upSql, String downFile, String downSql,
                       List<String> risks) {
        public Step {
            risks = List.copyOf(risks);
        }
    }

    public DeployPlan {
        steps = List.copyOf(steps);
        reasonsClosed = List.copyOf(reasonsClosed);
    }

    /** This plan with the registry's checkpoint taken when the release was recorded. */
    public DeployPlan withCheckpoint(Checkpoint c) {
        return new DeployPlan(subject, tag, previousTag, from, to, steps, reasonsClosed, c);
    }

    public boolean open() {
        return reasonsClosed.isEmpty();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Deploy plan: ").append(subject).append(' ').append(tag).append("\n\n");
        out.append("Gate: **").append(open() ? "open" : "closed").append("**. ");
        out.append(previousTag == null ? "First release" : "From " + previousTag).append(" (revision ").append(from)
                .append(") to ").append(tag).append(" (revision ").append(to).append("): ").append(steps.size())
                .append(" revision(s).\n\n");
        if (!open()) {
            out.append("## Why the gate is closed\n\n");
            reasonsClosed.forEach(r -> out.append("- ").append(r.replace("\n", " ")).append('\n'));
            out.append('\n');
        }
        out.append("## Deploy\n\n```bash\n");
        deployCommands().forEach(c -> out.append(c).append('\n'));
        out.append("```\n\n## Roll back, in this order\n\n```bash\n");
        rollbackCommands().forEach(c -> out.append(c).append('\n'));
        out.append("```\n");
        if (checkpoint != null) {
            out.append("\n## Registry checkpoint\n\nThe registry signed its head after this release: ").append(checkpoint.describe())
                    .append(", key `").append(checkpoint.keyId()).append("`. `strata audit --checkpoint` with this plan's JSON proves")
                    .append(" the registry still holds it.\n");
        }
        for (Step s : steps) {
            out.append("\n## Revision ").append(s.label()).append(": ").append(s.message()).append("\n\n");
            s.risks().forEach(r -> out.append("- **").append(r).append("**\n"));
            out.append(s.risks().isEmpty() ? "" : "\n");
            out.append("Upgrade `").append(s.upFile()).append("`:\n\n```sql\n").append(s.upSql()).append("```\n\n");
            out.append("Rollback `").append(s.downFile()).append("`:\n\n```sql\n").append(s.downSql()).append("```\n");
        }
        return out.toString();
    }

    private String backupName() {
        return "before-" + (tag == null ? "revision-" + to : tag);
    }

    /** The commands that deploy this release, one a line with a comment. */
    public List<String> deployCommands() {
        return List.of(
                "strata backup --name " + backupName() + "   # kept until you delete it",
                "git checkout " + (tag == null ? "<the tag>" : tag),
                "strata upgrade " + to + "   # stores each revision's undo script in the database",
                "strata verify   # integrity, foreign keys, schema at revision " + to + ", nothing pending");
    }

    /**
     * The commands that roll this release back. The database goes back first, while the new release is still
     * checked out (the undo scripts are stored in the database, so any checkout works, but the old tag's
     * entrypoint would otherwise meet a database ahead of it); the old code comes second.
     */
    public List<String> rollbackCommands() {
        String previous = previousTag == null ? "<the previous release>" : previousTag;
        return List.of(
                "strata downgrade " + from + "   # 1. first: the database back to revision " + from,
                "git checkout " + previous + "   # 2. then the code of " + previous,
                "strata verify   # 3. confirm revision " + from + " and nothing pending",
                "# or, to return to the database exactly as it was before the deploy (rows written since are lost):",
                "# strata restore <the backup named " + backupName() + ">");
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("subject", subject);
        root.put("tag", tag);
        root.put("previousTag", previousTag);
        root.put("from", from);
        root.put("to", to);
        root.put("open", open());
        ArrayNode deploy = root.putArray("deploy");
        deployCommands().forEach(deploy::add);
        ArrayNode rollback = root.putArray("rollback");
        rollbackCommands().forEach(rollback::add);
        ArrayNode reasons = root.putArray("reasonsClosed");
        reasonsClosed.forEach(reasons::add);
        if (checkpoint != null) {
            root.set("checkpoint", mapper.valueToTree(checkpoint.fields()));
        }
        ArrayNode steps = root.putArray("revisions");
        for (Step s : this.steps) {
            ObjectNode o = steps.addObject();
            o.put("revision", s.revision());
            o.put("label", s.label());
            o.put("message", s.message());
            o.put("upFile", s.upFile());
            o.put("upSql", s.upSql());
            o.put("downFile", s.downFile());
            o.put("downSql", s.downSql());
            ArrayNode risks = o.putArray("risks");
            s.risks().forEach(risks::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the deploy plan: " + e.getMessage(), e);
        }
    }
}
