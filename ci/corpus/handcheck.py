"""Hand checks of verdicts the verifier's own seeding cannot reach: run a version on rows chosen by hand.

python3 ci/corpus/handcheck.py CASE_DIR VERSION SETUP_SQL
Upgrades straight through VERSION-1, runs SETUP_SQL (the rows), then VERSION's up and down, and prints
what fails and which rows differ.
"""
import glob, os, re, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify  # noqa: E402  the case's strata.yaml: functions, prelude, foreign keys


def script(folder, prefix, version):
    files = [f for f in glob.glob(os.path.join(folder, f"{prefix}{version}__*.sql"))]
    return open(files[0], encoding="utf-8").read() if files else None


def rows(db):
    out = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"):
        out[name] = sorted(map(repr, db.execute(f'SELECT * FROM "{name}"').fetchall()))
    return out


def main(case, version, setup):
    folder = os.path.join(case, "flyway")
    verify.parse_args(["--case", case])
    db = verify.connect()
    if verify.PRELUDE:
        db.executescript(verify.PRELUDE)
    versions = sorted(int(re.match(r"V(\d+)__", os.path.basename(f)).group(1)) for f in glob.glob(os.path.join(folder, "V*__*.sql")))
    for v in versions:
        if v >= version:
            break
        db.executescript(script(folder, "V", v))
    db.executescript(setup)
    before = rows(db)
    db.executescript(script(folder, "V", version))
    try:
        db.executescript(script(folder, "U", version))
    except sqlite3.Error as e:
        print(f"V{version}: the downgrade fails on these rows: {e}")
        return
    after = rows(db)
    for t in before:
        if before[t] != after.get(t):
            print(f"V{version}: rows of {t} differ after up and down:\n  before {before[t]}\n  after  {after.get(t)}")
    print(f"V{version}: done")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
