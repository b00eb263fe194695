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
        for (Difference d : SchemaDiff.differences(context.models(), head, "the models", "the migrations")) {
            out.add(new Finding(NAME, d.informational() ? Finding.Severity.INFO : Finding.Severity.ERROR, null,
                    context.modelsFile(), null, d.message(),
                    context.hasEvents() ? "record the change with `strata revision --autogenerate -m \"...\"`"
                            : "write a migration that makes the change, or correct the models"));
        }
        return out;
    }
}
