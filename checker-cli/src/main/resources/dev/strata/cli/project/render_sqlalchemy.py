"""Renders an application's SQLAlchemy metadata as the SQLite DDL SQLAlchemy itself would emit.

Run by Strata as: python render_sqlalchemy.py PATH MODULE:ATTRIBUTE
PATH goes first on sys.path; MODULE is imported; ATTRIBUTE (dotted) names a declarative base (its
.metadata is used) or a MetaData. The CREATE TABLE / CREATE INDEX statements, and any DDL the
application attached to the metadata's create events (views, triggers), are compiled with
SQLAlchemy's SQLite dialect and printed to standard output, each ending with ';'.

On failure, the last line on standard error is 'strata-error: <what to fix>' and the exit code says
which: 3 SQLAlchemy missing or too old, 4 the module does not import, 5 the attribute is not
metadata, 6 the metadata does not render. Works with SQLAlchemy 1.4 and 2.x.
"""
import importlib
import io
import os
import sys
import traceback


def fail(code, message):
    sys.stderr.write("\nstrata-error: " + message.replace("\n", " ") + "\n")
    sys.stderr.flush()
    sys.exit(code)


def last_line(error):
    lines = traceback.format_exception_only(type(error), error)
    return lines[-1].strip() if lines else type(error).__name__


def where(error, root):
    """The innermost frame of the traceback that lies under the application's folder."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(root + os.sep):
            found = "%s line %d" % (os.path.relpath(path, root), frame.lineno)
    if found is None and isinstance(error, SyntaxError) and error.filename:
        path = os.path.abspath(error.filename)
        if path.startswith(root + os.sep):
            found = "%s line %s" % (os.path.relpath(path, root), error.lineno)
    return found


def main():
    root = os.path.abspath(sys.argv[1])
    module_name, _, attribute = sys.argv[2].partition(":")
    sys.path.insert(0, root)
    # what the application prints while importing must not mix with the DDL
    out = sys.stdout
    sys.stdout = sys.stderr

    try:
        import sqlalchemy
        from sqlalchemy import MetaData
    except ImportError as e:
        fail(3, "SQLAlchemy is not installed for %s (Python %d.%d): %s"
             % (sys.executable, sys.version_info[0], sys.version_info[1], last_line(e)))
    try:
        from sqlalchemy import create_mock_engine
    except ImportError:
        fail(3, "SQLAlchemy %s is too old (%s); Strata needs 1.4 or later"
             % (sqlalchemy.__version__, sys.executable))

    try:
        module = importlib.import_module(module_name)
    except BaseException as e:  # SystemExit from an application's import counts too
        at = where(e, root)
        fail(4, "importing %s failed%s: %s" % (module_name, " at " + at if at else "", last_line(e)))

    target = module
    walked = module_name
    for part in attribute.split("."):
        if not hasattr(target, part):
            fail(5, "%s has no attribute '%s'; name the declarative base or MetaData, such as %s:Base"
                 % (walked, part, module_name))
        target = getattr(target, part)
        walked = walked + ("." if walked != module_name else ":") + part
    metadata = target if isinstance(target, MetaData) else getattr(target, "metadata", None)
    if not isinstance(metadata, MetaData):
        fail(5, "%s is a %s, not a declarative base or MetaData; name the class your models derive from, such as %s:Base"
             % (sys.argv[2], type(target).__name__, module_name))

    statements = []
    engine = None

    def collect(sql, *multiparams, **params):
        statements.append(str(sql.compile(dialect=engine.dialect)).strip())

    try:
        engine = create_mock_engine("sqlite://", collect)
        metadata.create_all(engine, checkfirst=False)
    except BaseException as e:
        at = where(e, root)
        fail(6, "rendering the metadata of %s failed%s: %s" % (sys.argv[2], " at " + at if at else "", last_line(e)))

    text = io.StringIO()
    text.write("-- rendered by SQLAlchemy %s from %s\n" % (sqlalchemy.__version__, sys.argv[2]))
    for statement in statements:
        text.write(statement.rstrip(";") + ";\n\n")
    out.write(text.getvalue())
    out.flush()


main()
