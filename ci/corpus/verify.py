"""Independent round-trip verifier for a Flyway-style SQLite migration folder.

Run:  python3 ci/corpus/verify.py --case checker-cli/src/test/resources/corpus/<case> > .../verify.out
      python3 ci/corpus/verify.py FOLDER [options]

For each version k (in order) the straight-through database A (in memory, foreign_keys=ON unless
switched off; the prelude, if any, run on it first) is copied into a scratch database B; on B we seed
2 rows into empty tables, apply V_k, apply U_k and compare the schema with the one before V_k
(structurally, see `schema`; a foreign key written `REFERENCES parent` is compared as naming the
parent's primary-key columns), check the seeded/existing rows survived (rows the up inserted and the
down leaves behind are reported, not counted as loss), then apply V_k again and compare with the
schema after the first V_k.  When the round trip fails only with seeded rows it is repeated on the
unseeded copy and reported as `[data-dependent: ...]`.  V_k is then applied to A.
Scripts run in one transaction unless a `<script>.conf` holds `executeInTransaction=false`.
Only the Python standard library is used.

Options (mirroring a case's strata.yaml `check:` block):
  --foreign-keys off      run with PRAGMA foreign_keys=OFF, for tools that switch enforcement off
                          while migrating (ory/x popx)
  --prelude FILE          SQL run on the scratch database before the first migration (objects the
                          project creates outside its migrations folder)
  --function NAME=SPEC    an SQL function the application registers on its connections; SPEC is a
                          built-in (identity, base64, unbase64, lower, upper, hex, unhex) or an SQL
                          expression over the arguments ?1, ?2, ...  (repeatable)
  --case DIR              read `migrations:` and `check:` from DIR/strata.yaml (options given on the
                          command line win); the folder argument may then be left out
e.g.  python3 ci/corpus/verify.py --case checker-cli/src/test/resources/corpus/<case> > .../verify.out

The verifier's SQLite may predate functions the migrations use (unhex() 3.41, if() 3.48): those are
then polyfilled in Python and the header line says so; versions using them are hand-checked.
"""
import base64, binascii, collections, os, re, sqlite3, sys

FILE = re.compile(r'^([VU])(\d+)__(.*)\.sql$')
FOREIGN_KEYS = 'ON'
PRELUDE = None      # SQL text
FUNCTIONS = {}      # name -> spec
POLYFILLS = []      # names of built-ins missing from this SQLite, registered in Python


def load(folder):
    revs = {}
    for f in os.listdir(folder):
        m = FILE.match(f)
        if not m:
            continue
        r = revs.setdefault(int(m[2]), {'slug': m[3]})
        with open(os.path.join(folder, f), encoding='utf-8', newline='') as fh:
            r[m[1]] = fh.read()
        conf = os.path.join(folder, f + '.conf')
        r[m[1] + 'notx'] = os.path.exists(conf) and 'executeInTransaction=false' in open(conf).read().replace(' ', '')
    return [(k, revs[k]) for k in sorted(revs)]


def _hex_decode(x):
    if x is None:
        return None
    try:
        return bytes.fromhex(x if isinstance(x, str) else bytes(x).decode('ascii'))
    except (ValueError, UnicodeDecodeError):
        return None


def _b64_encode(x):
    if x is None:
        return None
    if isinstance(x, str):
        x = x.encode('utf-8')
    elif not isinstance(x, bytes):
        x = str(x).encode('utf-8')
    return base64.b64encode(x).decode('ascii')


def _b64_decode(x):
    if x is None:
        return None
    try:
        return base64.b64decode(x if isinstance(x, (str, bytes)) else str(x), validate=True)
    except (binascii.Error, ValueError) as e:
        raise ValueError(f'unbase64: {e}')


_HELPER = None


def _sql_expr(expr):
    """An SQL expression over ?1, ?2, ... evaluated on a side connection (which has the same functions)."""
    n = max([int(x) for x in re.findall(r'\?(\d+)', expr)] or [0])

    def f(*args):
        global _HELPER
        if _HELPER is None:
            _HELPER = sqlite3.connect(':memory:', isolation_level=None)
            register(_HELPER)
        # bind exactly ?1..?n: extra call arguments are ignored, missing ones are NULL
        return _HELPER.execute('SELECT ' + expr, (list(args) + [None] * n)[:n]).fetchone()[0]
    return f


BUILTINS = {
    'identity': lambda: (lambda *a: a[0] if a else None),
    'base64': lambda: (lambda *a: _b64_encode(a[0])),
    'unbase64': lambda: (lambda *a: _b64_decode(a[0])),
    'lower': lambda: _sql_expr('lower(?1)'),
    'upper': lambda: _sql_expr('upper(?1)'),
    'hex': lambda: _sql_expr('hex(?1)'),
    'unhex': lambda: (lambda *a: _hex_decode(a[0])),
}


def function(spec):
    spec = spec.strip()
    if spec.lower() in BUILTINS:
        return BUILTINS[spec.lower()]()
    if not re.search(r'\?\d', spec):
        raise SystemExit(f'function spec {spec!r} is neither a built-in ({", ".join(BUILTINS)}) nor an expression over ?1, ?2, ...')
    return _sql_expr(spec)


def register(c):
    for name in POLYFILLS:
        c.create_function(name, -1, {'unhex': lambda *a: _hex_decode(a[0]),
                                     'if': lambda *a: a[1] if a[0] else (a[2] if len(a) > 2 else None)}[name], deterministic=True)
    for name, spec in FUNCTIONS.items():
        c.create_function(name, -1, function(spec), deterministic=True)


def connect():
    c = sqlite3.connect(':memory:', isolation_level=None)
    c.execute('PRAGMA foreign_keys=' + FOREIGN_KEYS)
    register(c)
    return c


def run(conn, sql, notx):
    """Run a script like Flyway: in one transaction, or statement by statement (autocommit)."""
    try:
        conn.executescript(sql if notx else 'BEGIN;\n' + sql + '\n;\nCOMMIT;')
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute('ROLLBACK')
        raise


def norm(sql):
    """Collapse whitespace, drop identifier quotes, lower-case everything outside string literals."""
    if sql is None:
        return None
    parts = re.split(r"('(?:[^']|'')*')", sql)
    out = []
    for i, p in enumerate(parts):
        if i % 2 == 0:
            p = re.sub(r'[`"\[\]]', '', p).lower()
            p = re.sub(r'\s*([(),;=<>+*/-])\s*', r'\1', re.sub(r'\s+', ' ', p))
        out.append(p)
    s = ''.join(out).strip().rstrip(';').strip()
    while s.startswith('(') and s.endswith(')') and balanced(s[1:-1]):
        s = s[1:-1].strip()
    return s


def balanced(s):
    d = 0
    for ch in s:
        d += {'(': 1, ')': -1}.get(ch, 0)
        if d < 0:
            return False
    return d == 0


def checks(sql):
    """CHECK constraint expressions of a CREATE TABLE statement (not visible via PRAGMAs)."""
    out, s = [], norm(sql) or ''
    for m in re.finditer(r'\bcheck\(', s):
        i, d = m.end(), 1
        while i < len(s) and d:
            d += {'(': 1, ')': -1}.get(s[i], 0)
            i += 1
        out.append(s[m.end():i - 1])
    return tuple(sorted(out))


def q(name):
    return '"' + name.replace('"', '""') + '"'


def parent_key(c, parent, seq):
    """Column `seq` of the parent table's primary key (None when the parent or its key is missing)."""
    pk = sorted((r[5], r[1]) for r in c.execute(f'PRAGMA table_info({q(parent)})') if r[5])
    return pk[seq][1] if seq < len(pk) else None


def schema(c):
    """Structural description: {(type, lower name): (table, details)}."""
    kinds = {r[1]: r[2] for r in c.execute('PRAGMA table_list') if r[0] == 'main'}
    res = {}
    for typ, name, tbl, sql in c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND lower(name) <> 'flyway_schema_history'").fetchall():
        key, tbl = (typ, name.lower()), tbl.lower()
        if typ == 'table' and kinds.get(name) in ('table', 'shadow'):
            cols = tuple((r[1].lower(), (r[2] or '').upper(), r[3], norm(r[4]), r[5], r[6]) for r in c.execute(f'PRAGMA table_xinfo({q(name)})'))
            fks = collections.defaultdict(list)
            for r in c.execute(f'PRAGMA foreign_key_list({q(name)})'):
                # `REFERENCES parent` without columns means the parent's primary key: compare it as such
                fks[r[0]].append((r[2].lower(), r[3].lower(), (r[4] or parent_key(c, r[2], r[1]) or '').lower(), r[5], r[6], r[7]))
            idx = set()
            for r in c.execute(f'PRAGMA index_list({q(name)})').fetchall():
                info = tuple((x[2] or '').lower() + (' desc' if x[3] else '') + ' ' + (x[4] or '').lower() for x in c.execute(f'PRAGMA index_xinfo({q(r[1])})') if x[5])
                iname = r[1].lower() if not r[1].startswith('sqlite_autoindex_') else 'auto'
                idx.add((iname, r[2], r[3], r[4], info))
            tl = c.execute('PRAGMA table_list(' + q(name) + ')').fetchone()
            res[key] = (tbl, {'cols': cols, 'fks': frozenset(tuple(v) for v in fks.values()), 'idx': frozenset(idx),
                              'checks': checks(sql), 'autoinc': 'autoincrement' in (norm(sql) or ''), 'wr_strict': tl[4:6]})
        elif typ == 'index':
            where = re.split(r'\sWHERE\s', sql or '', maxsplit=1, flags=re.I)
            res[key] = (tbl, {'where': norm(where[1]) if len(where) > 1 else None})
        else:
            res[key] = (tbl, {'sql': norm(sql)})
    return res


def diff(a, b):
    """Return (differences, column_order_only) between two schemas."""
    out, order = [], []
    for k in sorted(set(a) | set(b)):
        if k not in b:
            out.append(f'{k[0]} {k[1]} missing')
        elif k not in a:
            out.append(f'{k[0]} {k[1]} extra')
        elif a[k] != b[k]:
            (ta, da), (tb, db) = a[k], b[k]
            if ta != tb:
                out.append(f'{k[0]} {k[1]} on {tb} not {ta}')
            for f in sorted(set(da) | set(db)):
                if da.get(f) == db.get(f):
                    continue
                if f == 'cols' and sorted(da[f]) == sorted(db[f]):
                    order.append(k[1])
                elif f == 'cols':
                    ca, cb = {x[0]: x for x in da[f]}, {x[0]: x for x in db[f]}
                    ds = [f'-{n}' for n in ca if n not in cb] + [f'+{n}' for n in cb if n not in ca] + [f'~{n}{ca[n][1:]}->{cb[n][1:]}' for n in ca if n in cb and ca[n] != cb[n]]
                    out.append(f'{k[1]} columns ' + ' '.join(ds))
                else:
                    out.append(f'{k[0]} {k[1]} {f} differs')
    return out, order


def tables(c):
    return [r[1] for r in c.execute('PRAGMA table_list') if r[0] == 'main' and r[2] == 'table' and not r[1].startswith('sqlite_') and r[1].lower() != 'flyway_schema_history']


def value(col, typ, i):
    t = (typ or '').upper()
    if 'INT' in t or 'BOOL' in t:
        return i + 1 if 'BOOL' not in t else i
    if any(x in t for x in ('REAL', 'FLOA', 'DOUB', 'NUM', 'DEC')):
        return i + 1.5
    if 'BLOB' in t or 'BINARY' in t:
        return bytes([i + 1, 2, 3])
    if 'JSON' in t:
        return '{"k%d": %d}' % (i, i)
    if 'DATE' in t or 'TIME' in t:
        return f'2024-01-0{i + 1} 12:00:00'
    return f'{col}_{i + 1}'


def seed(c, unseeded):
    """Insert 2 rows into each empty table, parents before children; skip a table on any error."""
    names = tables(c)
    deps = {t: {r[2].lower() for r in c.execute(f'PRAGMA foreign_key_list({q(t)})')} - {t.lower()} for t in names}
    order, done = [], set()
    while len(order) < len(names):
        ready = [t for t in names if t not in order and deps[t] <= done] or [t for t in names if t not in order]
        order.append(ready[0]); done.add(ready[0].lower())
    for t in order:
        if c.execute(f'SELECT 1 FROM {q(t)} LIMIT 1').fetchone():
            continue
        cols = [r for r in c.execute(f'PRAGMA table_xinfo({q(t)})') if r[6] == 0]
        fkcol = {r[3]: (r[2], r[4]) for r in c.execute(f'PRAGMA foreign_key_list({q(t)})')}
        for minimal in (False, True):
            try:
                c.execute('SAVEPOINT seed')
                for i in range(2):
                    row = {}
                    for _, n, typ, notnull, dflt, pk, _h in cols:
                        if minimal and not (notnull and dflt is None) and not pk:
                            continue
                        if n in fkcol:
                            p, pc = fkcol[n]
                            pc = pc or next(r[1] for r in c.execute(f'PRAGMA table_info({q(p)})') if r[5])
                            v = c.execute(f'SELECT {q(pc)} FROM {q(p)} LIMIT 1 OFFSET ?', (i,)).fetchone() or c.execute(f'SELECT {q(pc)} FROM {q(p)} LIMIT 1').fetchone()
                            row[n] = v[0] if v else None
                        else:
                            row[n] = value(n, typ, i)
                    c.execute(f'INSERT INTO {q(t)} ({",".join(map(q, row))}) VALUES ({",".join("?" * len(row))})', list(row.values()))
                c.execute('RELEASE seed')
                break
            except sqlite3.Error:
                c.execute('ROLLBACK TO seed'); c.execute('RELEASE seed')
        else:
            unseeded.add(t)


def rows(c):
    out = {}
    for t in tables(c):
        cols = tuple(sorted(r[1].lower() for r in c.execute(f'PRAGMA table_xinfo({q(t)})') if r[6] == 0))
        out[t.lower()] = (cols, collections.Counter(c.execute(f'SELECT {",".join(map(q, cols))} FROM {q(t)}').fetchall()))
    return out


def data_loss(before, after):
    """Tables whose rows (over the columns they had before) are not all present afterwards."""
    lost = []
    for t, (cols, cnt) in before.items():
        if t not in after or not set(cols) <= set(after[t][0]):
            lost.append((t, 'dropped'))
            continue
        idx = [after[t][0].index(x) for x in cols]
        now = collections.Counter(tuple(r[i] for i in idx) for r in after[t][1].elements())
        if now != cnt:
            missing = cnt - now
            lost.append((t, 'rows added' if not missing else 'rows lost' if sum(now.values()) < sum(cnt.values()) else 'rows changed'))
    return lost


def roundtrip(A, rev, unseeded, with_data):
    B = connect()
    A.backup(B)
    s_before = schema(B)
    if with_data:
        seed(B, unseeded)
    d_before = rows(B)
    try:
        run(B, rev['V'], rev['Vnotx'])
    except sqlite3.Error as e:
        return 'upgrade-fails', f'on copy: {e}'
    s_up, d_up = schema(B), rows(B)
    try:
        run(B, rev['U'], rev['Unotx'])
    except sqlite3.Error as e:
        return 'down-fails', str(e)
    s_down, d_down = schema(B), rows(B)
    problems, order = diff(s_before, s_down)
    try:
        run(B, rev['V'], rev['Vnotx'])
        again, order2 = diff(s_up, schema(B))
        problems += ['re-upgrade: ' + x for x in again]
        order += order2
    except sqlite3.Error as e:
        problems.append(f're-upgrade fails: {e}')
    by_up = {t for t, why in data_loss(d_before, d_up) if why != 'rows added'}
    lossy, lost, added = [], [], []
    for t, why in data_loss(d_before, d_down):
        # rows the up inserted and the down leaves in place are no loss (every earlier row is still there)
        (added if why == 'rows added' else lossy if t in by_up else lost).append(f'{why} in {t}')
    if problems:
        return 'broken', '; '.join(problems + lost)
    if lost:
        return 'broken', '; '.join(lost)
    if lossy:
        return 'lossy', ', '.join(lossy) + ('; column order differs: ' + ', '.join(sorted(set(order))) if order else '')
    if order:
        return 'column-order', ', '.join(sorted(set(order)))
    return 'ok', ('(' + ', '.join(added) + ', left by the down)') if added else ''


def main(folder):
    revs = load(folder)
    A = connect()
    if PRELUDE:
        A.executescript(PRELUDE)
    counts, unseeded, first_fail = collections.Counter(), set(), None
    for k, rev in revs:
        if 'V' not in rev:
            print(f'U{k} {rev["slug"]}: skipped (no V{k})'); continue
        rev.setdefault('Vnotx', False); rev.setdefault('Unotx', False)
        status, why = 'no-down', 'no U script'
        if 'U' in rev:
            status, why = roundtrip(A, rev, unseeded, True)
            if status in ('upgrade-fails', 'down-fails'):
                s2, w2 = roundtrip(A, rev, set(), False)
                if s2 not in ('upgrade-fails', 'down-fails'):
                    status, why = s2, (w2 + '; ' if w2 else '') + f'[data-dependent: with seeded rows {status}: {why}]'
        try:
            run(A, rev['V'], rev['Vnotx'])
        except sqlite3.Error as e:
            status, why = 'upgrade-fails', str(e)
            first_fail = first_fail or k
        counts[status] += 1
        print(f'V{k} {rev["slug"]}: {status}' + (f': {why}' if why else ''))
    if unseeded:
        print('unseeded tables (insert failed): ' + ', '.join(sorted(unseeded)))
    print(f'SUMMARY revisions={len(revs)} ' + ' '.join(f'{s}={counts[s]}' for s in ('ok', 'broken', 'lossy', 'column-order', 'upgrade-fails', 'down-fails', 'no-down')) + f' first-upgrade-failure={first_fail}')


def yaml_subset(text):
    """The few strata.yaml keys we need: nested `key: value` mappings by indentation, # comments,
    plain or quoted scalars."""
    root, stack = {}, [(-1, None)]
    stack[0] = (-1, root)
    for line in text.splitlines():
        body = strip_comment(line).rstrip()
        if not body.strip():
            continue
        ind = len(body) - len(body.lstrip(' '))
        key, _, val = body.strip().partition(':')
        while stack[-1][0] >= ind:
            stack.pop()
        parent = stack[-1][1]
        key, val = unquote(key.strip()), val.strip()
        if val == '':
            parent[key] = {}
            stack.append((ind, parent[key]))
        else:
            parent[key] = {'true': True, 'false': False}.get(val, unquote(val)) if val[0] not in '"\'' else unquote(val)
    return root


def strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in '"\'':
            quote = ch
        elif ch == '#' and (i == 0 or line[i - 1] in ' \t'):
            return line[:i]
    return line


def unquote(v):
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return v[1:-1].replace('\\"', '"').replace('\\\\', '\\')
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    return v


def parse_args(argv):
    global FOREIGN_KEYS, PRELUDE
    folder, case, prelude, fk, funcs = None, None, None, None, {}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--foreign-keys':
            fk = argv[i + 1].lower(); i += 2
        elif a == '--prelude':
            prelude = argv[i + 1]; i += 2
        elif a == '--function':
            name, _, spec = argv[i + 1].partition('=')
            funcs[name.strip()] = spec; i += 2
        elif a == '--case':
            case = argv[i + 1]; i += 2
        elif folder is None and not a.startswith('--'):
            folder = a; i += 1
        else:
            raise SystemExit(__doc__)
    if case:
        cfg_path = os.path.join(case, 'strata.yaml')
        cfg = yaml_subset(open(cfg_path, encoding='utf-8').read()) if os.path.exists(cfg_path) else {}
        chk = cfg.get('check') or {}
        folder = folder or os.path.join(case, cfg.get('migrations', 'flyway'))
        if fk is None and chk.get('foreignKeys') is False:
            fk = 'off'
        if prelude is None and chk.get('prelude'):
            prelude = os.path.join(case, chk['prelude'])
        for name, spec in (chk.get('functions') or {}).items():
            funcs.setdefault(name, spec)
    if folder is None:
        raise SystemExit(__doc__)
    FOREIGN_KEYS = 'OFF' if fk in ('off', 'false', '0') else 'ON'
    if prelude:
        PRELUDE = open(prelude, encoding='utf-8').read()
    FUNCTIONS.update(funcs)
    probe = sqlite3.connect(':memory:')
    for name, test in (('unhex', "SELECT unhex('00')"), ('if', 'SELECT if(1, 2, 3)')):
        if name in FUNCTIONS:
            continue
        try:
            probe.execute(test)
        except sqlite3.OperationalError:
            POLYFILLS.append(name)
    return folder, prelude


if __name__ == '__main__':
    folder, prelude = parse_args(sys.argv[1:])
    print(f'# foreign_keys={FOREIGN_KEYS} sqlite={sqlite3.sqlite_version}'
          + (f' prelude={os.path.basename(prelude)}' if prelude else '')
          + ''.join(f' function:{n}={s}' for n, s in FUNCTIONS.items())
          + (' polyfilled=' + ','.join(POLYFILLS) if POLYFILLS else ''))
    main(folder)
