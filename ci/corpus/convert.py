"""Convert each corpus case's original/ migrations mechanically into Flyway form (flyway/).

Run:  python3 ci/corpus/convert.py [case ...]          (all cases in CASES when none given)
      python3 ci/corpus/convert.py --from-mirror CASE   (first refill original/ from a bare git mirror)

Rules: V<n>__<slug>.sql / U<n>__<slug>.sql, n = 1, 2, ... in the tool's own order, slug = the tool's
description with every character outside [A-Za-z0-9_] replaced by '_' (the sanitised version string
when the tool has no description).  SQL bytes are kept; for single-file tools only the section
markers are removed.  Scripts the tool runs outside a transaction get a `.sql.conf` with
executeInTransaction=false.  One function per tool returns
[(sort_key, description, up_text, down_text_or_None, up_notx, down_notx)].
"""
import os, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', 'checker-cli', 'src', 'test', 'resources', 'corpus')

# case -> (tool, options, mirror git dir, commit, path of the migrations folder in the repo, file filter)
CASES = {
    'authelia-authelia': ('authelia', {}, 'authelia+authelia', '23572030b4048922a377ca40d59e804e0ed25fd7', 'internal/storage/migrations/sqlite'),
    'pocket-id-pocket-id': ('golang-migrate', {'no_tx_wrap': True}, 'pocket-id+pocket-id', 'd258d952b1573300860aff369e300a76f6fb5f09', 'backend/resources/migrations/sqlite'),
    'harness-harness': ('maragudk-migrate', {}, 'harness+harness', 'ad5c8768ce22352903cddde95bd28f0358461a8c', 'app/store/database/migrate/sqlite'),
    'ory-hydra': ('popx', {}, 'ory+hydra', '83127c5752d907f52dd5f048a734c596c4316477', 'persistence/sql/migrations'),
    'ory-keto': ('popx', {}, 'ory+keto', 'e026d8391913caa2dcd1bff92311ce9d1181d821', 'internal/persistence/sql/migrations/sql'),
    'chirpstack-chirpstack': ('diesel', {}, 'chirpstack+chirpstack', 'd77207cd362d6b18d35712750c41d6a8a1efbad5', 'chirpstack/migrations_sqlite'),
    'tari-project-tari': ('diesel', {}, 'tari-project+tari', '2897536c3861caf747e0dbbc9fd851b358d4140f', 'base_layer/wallet/migrations'),
    'charmbracelet-soft-serve': ('soft-serve', {}, 'charmbracelet+soft-serve', 'db5f041faf815581ebf1598e11427393959483bf', 'pkg/db/migrate'),
    'atuinsh-atuin': ('sqlx', {}, 'atuinsh+atuin', '824c8716d82bed774ee6a83c683087ae77715814', 'crates/atuin-scripts/migrations'),
    'matt-riley-mjrwtf': ('goose', {}, 'matt-riley+mjrwtf', '58d4873037e69df0297e63470467733462be778c', 'internal/migrations/sqlite'),
    'pressly-goose': ('goose', {}, 'pressly+goose', '520411a16119bd3b332613d1ff8312c4cc249673', 'examples/sql-migrations'),
    'amacneil-dbmate': ('dbmate', {}, 'amacneil+dbmate', 'f3e08f15e39d5b3f10ba014b470467fb484dfc54', 'testdata/db/migrations'),
}

# Only the SQLite files of a multi-dialect folder are copied into original/.
SQLITE_ONLY = {
    'popx': re.compile(r'^\d+_[^.]+(\.(sqlite3?|autocommit))?(\.autocommit)?\.(up|down)\.sql$'),
    'soft-serve': re.compile(r'_sqlite\.(up|down)\.sql$'),
}


def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def files(orig):
    return sorted(f for f in os.listdir(orig) if os.path.isfile(os.path.join(orig, f)))


def pairs(orig, regex, key):
    """Generic up/down file pairs: regex groups (version, description, direction)."""
    revs = {}
    for f in files(orig):
        m = re.match(regex, f)
        if m:
            r = revs.setdefault(key(m[1]), {'desc': m[2]})
            r[m[3]] = read(os.path.join(orig, f))
            if m[3] == 'up':
                r['desc'] = m[2]
    return revs


def golang_migrate(orig, opts):
    # source/file parser: ^([0-9]+)_(.*)\.(down|up)\.(.*)$, version uint; sqlite3 driver wraps each file
    # in BEGIN/COMMIT unless x-no-tx-wrap / Config.NoTxWrap (a driver setting, for every file).
    revs = pairs(orig, r'^([0-9]+)_(.*)\.(down|up)\.(.*)$', int)
    nt = opts.get('no_tx_wrap', False)
    return [(k, r['desc'], r.get('up'), r.get('down'), nt, nt) for k, r in sorted(revs.items())]


def authelia(orig, opts):
    revs = pairs(orig, r'^V(\d{4})\.([^.]+)\.(up|down)\.sql$', int)
    return [(k, r['desc'], r.get('up'), r.get('down'), False, False) for k, r in sorted(revs.items())]


def soft_serve(orig, opts):
    revs = pairs(orig, r'^(\d{4})_(.*)_sqlite\.(up|down)\.sql$', int)
    return [(k, r['desc'], r.get('up'), r.get('down'), False, False) for k, r in sorted(revs.items())]


def maragudk_migrate(orig, opts):
    # upMatcher ^([\w-]+).up.sql$ and downMatcher ^([\w-]+).down.sql (the '.' matches any character, so
    # 'x_up.sql' counts too); version = captured stem; files run in name order, each in a transaction.
    revs = {}
    for f in files(orig):
        for d, rx in (('up', r'^([\w-]+).up.sql$'), ('down', r'^([\w-]+).down.sql')):
            m = re.match(rx, f)
            if m:
                revs.setdefault(m[1], {'file': f} if d == 'up' else {})[d] = read(os.path.join(orig, f))
                if d == 'up':
                    revs[m[1]]['file'] = f
    ordered = sorted((r.get('file', k), k, r) for k, r in revs.items())
    # a down file whose stem matches no up file is never paired with a version: left out of flyway/
    return [(f, k, r.get('up'), r.get('down'), False, False) for f, k, r in ordered if 'up' in r]


def popx(orig, opts):
    # ory/x popx: ^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$ ; per version and direction
    # the sqlite3 (alias sqlite) file wins over the dialect-less one; '.autocommit' runs outside a transaction.
    rx = re.compile(r'^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$')
    best = {}
    for f in files(orig):
        m = rx.match(f)
        if not m:
            continue
        auto = bool(m[4]) or m[3] == '.autocommit'
        dialect = 'all' if m[3] in (None, '.autocommit') else m[3][1:]
        if dialect not in ('all', 'sqlite', 'sqlite3'):
            continue
        rank = 0 if dialect == 'all' else 1
        cur = best.setdefault(m[1], {'desc': m[2]}).get(m[5])
        if cur is None or rank > cur[0]:
            best[m[1]][m[5]] = (rank, read(os.path.join(orig, f)), auto, f)
    if opts.get('selected'):
        return {v[3] for r in best.values() for d, v in r.items() if d != 'desc'}
    out = []
    for k, r in sorted(best.items()):
        up, down = r.get('up'), r.get('down')
        out.append((k, r['desc'], up and up[1], down and down[1], bool(up and up[2]), bool(down and down[2])))
    return out


def diesel(orig, opts):
    # one folder per migration, version = name up to the first '_', ordered by version string;
    # each migration runs in a transaction unless metadata.toml says run_in_transaction = false.
    out = []
    for d in sorted(os.listdir(orig)):
        p = os.path.join(orig, d)
        if not os.path.isdir(p):
            continue
        ver, _, desc = d.partition('_')
        meta = os.path.join(p, 'metadata.toml')
        notx = os.path.exists(meta) and re.search(r'run_in_transaction\s*=\s*false', read(meta)) is not None
        down = os.path.join(p, 'down.sql')
        out.append((ver, desc, read(os.path.join(p, 'up.sql')), read(down) if os.path.exists(down) else None, notx, notx))
    return sorted(out, key=lambda r: r[0])


def sqlx(orig, opts):
    # reversible sqlx migrations <version>_<desc>.up.sql / .down.sql; a script starting with
    # '-- no-transaction' runs outside a transaction.
    revs = pairs(orig, r'^(\d+)_(.*)\.(up|down)\.sql$', int)
    nt = lambda s: s is not None and s.startswith('-- no-transaction')
    return [(k, r['desc'], r.get('up'), r.get('down'), nt(r.get('up')), nt(r.get('down'))) for k, r in sorted(revs.items())]


def split_sections(text, up_rx, down_rx, drop_rx=None):
    """Verbatim text of the up and down sections (marker lines removed); returns (up, down, up_line, down_line)."""
    sec, parts, heads = None, {'up': [], 'down': []}, {}
    for line in text.splitlines(keepends=True):
        if re.match(up_rx, line):
            sec, heads['up'] = 'up', line
        elif re.match(down_rx, line):
            sec, heads['down'] = 'down', line
        elif sec and not (drop_rx and re.match(drop_rx, line)):
            parts[sec].append(line)
    return ''.join(parts['up']), (''.join(parts['down']) if 'down' in heads else None), heads.get('up', ''), heads.get('down', '')


def goose(orig, opts):
    # <version>_<desc>.sql with -- +goose Up / Down sections; -- +goose NO TRANSACTION anywhere in the
    # file runs both directions outside a transaction.
    out = []
    for f in files(orig):
        m = re.match(r'^(\d+)_(.*)\.sql$', f)
        if m:
            t = read(os.path.join(orig, f))
            up, down, _, _ = split_sections(t, r'^--\s*\+goose\s+Up\b', r'^--\s*\+goose\s+Down\b', r'^--\s*\+goose\s+Statement(Begin|End)\b')
            nt = re.search(r'^--\s*\+goose\s+NO\s+TRANSACTION', t, re.M | re.I) is not None
            out.append((int(m[1]), m[2], up, down, nt, nt))
    return sorted(out)


def dbmate(orig, opts):
    # <version>_<desc>.sql with -- migrate:up / -- migrate:down; 'transaction:false' on a marker line
    # runs that section outside a transaction.
    out = []
    for f in files(orig):
        m = re.match(r'^(\d+)_?(.*)\.sql$', f)
        if m:
            up, down, uh, dh = split_sections(read(os.path.join(orig, f)), r'^--\s*migrate:up\b', r'^--\s*migrate:down\b')
            out.append((int(m[1]), m[2], up, down, 'transaction:false' in uh, 'transaction:false' in dh))
    return sorted(out)


TOOLS = {'golang-migrate': golang_migrate, 'authelia': authelia, 'maragudk-migrate': maragudk_migrate, 'popx': popx,
         'diesel': diesel, 'soft-serve': soft_serve, 'sqlx': sqlx, 'goose': goose, 'dbmate': dbmate}


def from_mirror(case):
    tool, _, mirror, commit, path = CASES[case]
    git = ['git', '--git-dir', f'/work/.mirror/{mirror}/repo']
    orig = os.path.join(CORPUS, case, 'original')
    shutil.rmtree(orig, ignore_errors=True)
    names = subprocess.run(git + ['ls-tree', '-r', '--name-only', commit, path + '/'], capture_output=True, text=True, check=True).stdout.split('\n')
    for n in filter(None, names):
        rel = n[len(path) + 1:]
        if not (rel.endswith('.sql') or rel.endswith('metadata.toml')) or (tool in SQLITE_ONLY and not SQLITE_ONLY[tool].search(rel)):
            continue
        os.makedirs(os.path.dirname(os.path.join(orig, rel)), exist_ok=True)
        with open(os.path.join(orig, rel), 'wb') as f:
            f.write(subprocess.run(git + ['show', f'{commit}:{n}'], capture_output=True, check=True).stdout)
    if tool == 'popx':  # keep only the files popx actually runs on SQLite (drop overridden generic ones)
        keep = popx(orig, {'selected': True})
        for f in files(orig):
            if f not in keep:
                os.remove(os.path.join(orig, f))
    lic = subprocess.run(git + ['show', f'{commit}:LICENSE'], capture_output=True, check=True).stdout
    with open(os.path.join(CORPUS, case, 'LICENSE'), 'wb') as f:
        f.write(lic)


def convert(case):
    tool, opts = CASES[case][:2]
    orig, out = os.path.join(CORPUS, case, 'original'), os.path.join(CORPUS, case, 'flyway')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    revs = TOOLS[tool](orig, opts)
    for n, (ver, desc, up, down, up_nt, down_nt) in enumerate(revs, 1):
        slug = re.sub(r'[^A-Za-z0-9_]', '_', desc or str(ver))
        for prefix, text, nt in (('V', up, up_nt), ('U', down, down_nt)):
            if text is None:
                continue
            name = os.path.join(out, f'{prefix}{n}__{slug}.sql')
            with open(name, 'w', encoding='utf-8', newline='') as f:
                f.write(text)
            if nt:
                with open(name + '.conf', 'w') as f:
                    f.write('executeInTransaction=false\n')
    print(f'{case}: {len(revs)} revisions ({tool})')


if __name__ == '__main__':
    args = sys.argv[1:]
    if args and args[0] == '--from-mirror':
        for c in args[1:] or CASES:
            from_mirror(c)
        args = args[1:]
    for c in args or CASES:
        convert(c)
