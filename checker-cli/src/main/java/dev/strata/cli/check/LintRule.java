package dev.strata.cli.check;


/** The lint rules, each with a stable id (used to disable it in strata.yaml) and a one-line rationale. */
public enum LintRule {
    DROP_TABLE("drop-table", "dropping a table destroys its rows; the downgrade cannot bring them back"),
    DROP_COLUMN("drop-column", "dropping a column destroys its values; the downgrade cannot bring them back"),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default",
            "a NOT NULL column without a default fails on a table that has rows, and breaks inserts of the running app"),
    RENAME_TABLE("rename-table", "the app version still running during a deploy uses the old name and breaks"),
    RENAME_COLUMN("rename-column", "the app version still running during a deploy uses the old name and breaks"),
    TYPE_NARROWING("type-narrowing", "a narrower type can change or reject existing values"),
    REBUILD_REFERENCED_TABLE("rebuild-referenced-table",
            "rebuilding a table that foreign keys point at runs with foreign keys off and locks the database for its length"),
    DATA_DEPENDENT("data-dependent",
            "rows that already exist and break it make the deploy fail (and the backup is restored)"),
    DANGLING_FOREIGN_KEY("dangling-foreign-key",
            "a foreign key to a table that does not exist fails every insert and update of its table while foreign keys are on");

    private final String id;
    private final String rationale;

    LintRule(String id, String rationale) {
        this.id = id;
        this.rationale = rationale;
    }

    public String id() {
        return id;
    }

    public String rationale() {
        return rationale;
    }
}
