package dev.strata.cli.check;

import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.List;

/** {@code models}: the schema at head equals the models; otherwise each difference. */
public final class ModelsCheck implements Check {

    public static final String NAME = "models";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        if (context.models() == null) {
            return out;
        }
        Schema head = context.hasEvents() ? context.schemaAt(context.revisions().size()) : context.walk().head();
        if (!context.hasEvents() && context.walk().stoppedAt() != null) {
            var pairs = context.migrations().pairs();
            int last = pairs.indexOf(pairs.stream().filter(p -> p.version() == context.walk().stoppedAt()).findFirst().orElseThrow());
            out.add(new Finding(NAME, Finding.Severity.INFO, null, context.modelsFile(), null, "the models are compared with the"
                    + " schema after " + (last == 0 ? "no version" : "version " + pairs.get(last - 1).version())
                    + ", the last upgrade that ran, not with head (version " + pairs.get(pairs.size() - 1).version() + "): "
                    + context.walk().stopReason(), "fix that upgrade; the differences below may be its consequence"));
        }
        for (Difference d : SchemaDiff.differences(context.models(), head, "the models", "the migrations")) {
            out.add(new Finding(NAME, d.informational() ? Finding.Severity.INFO : Finding.Severity.ERROR, null,
                    context.modelsFile(), null, d.message(),
                    context.hasEvents() ? "record the change with `strata revision --autogenerate -m \"...\"`"
                            : "write a migration that makes the change, or correct the models"));
        }
        return out;
    }
}
