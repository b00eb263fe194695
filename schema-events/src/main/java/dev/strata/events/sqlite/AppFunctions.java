package dev.strata.events.sqlite;

import org.sqlite.Function;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL functions an application registers on its own connections, declared so that migrations calling
 * them run on scratch databases too: each is a built-in ({@code identity}, {@code base64}, {@code unbase64},
 * {@code lower}, {@code upper}, {@code hex}, {@code unhex}) or an SQL expression over {@code ?1}, {@code ?2}, ...,
 * evaluated on a private in-memory database that holds no data.
 *
 * <pre>AppFunctions.of(Map.of("to_base64", "base64", "normalize", "lower(trim(?1))"))</pre>
 */
public final class AppFunctions {

    public static final AppFunctions NONE = new AppFunctions(Map.of());
    public static final Set<String> BUILT_INS = Set.of("identity", "base64", "unbase64", "lower", "upper", "hex", "unhex");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    // SQLite's fundamental datatypes, as value_type() gives them
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_BLOB = 4;
    private static final int SQLITE_NULL = 5;

    private final Map<String, String> specs;
    private final Evaluator evaluator = new Evaluator();

    private AppFunctions(Map<String, String> specs) {
        this.specs = Map.copyOf(specs);
    }

    /**
     * @throws IllegalArgumentException naming the function whose name or spec is not usable, and why
     */
    public static AppFunctions of(Map<String, String> specs) {
        Map<String, String> checked = new LinkedHashMap<>();
        specs.forEach((name, spec) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("function '" + name + "': a name is letters, digits and '_'");
            }
            if (spec == null || spec.isBlank()) {
                throw new IllegalArgumentException("function " + name + ": give a built-in " + new java.util.TreeSet<>(BUILT_INS)
                        + " or an SQL expression over ?1, ?2, ...");
            }
            if (!BUILT_INS.contains(spec.strip().toLowerCase(Locale.ROOT))) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                     PreparedStatement ps = c.prepareStatement(expressionQuery(spec))) {
                    ps.getParameterMetaData();
                } catch (SQLException e) {
                    throw new IllegalArgumentException("function " + name + ": '" + spec + "' is neither a built-in "
                            + new java.util.TreeSet<>(BUILT_INS) + " nor an SQL expression SQLite accepts: " + e.getMessage(), e);
                }
            }
            checked.put(name, spec.strip());
        });
        return new AppFunctions(checked);
    }

    /** Each function's name and what it is (a built-in's name or an SQL expression), as given. */
    public Map<String, String> specs() {
        return specs;
    }

    /** Registers every function on {@code c}. */
    void registerOn(Connection c) throws SQLException {
        for (Map.Entry<String, String> e : specs.entrySet()) {
            String builtIn = e.getValue().toLowerCase(Locale.ROOT);
            Function.create(c, e.getKey(), BUILT_INS.contains(builtIn) ? builtIn(builtIn) : new Expression(e.getValue(), evaluator));
        }
    }

    /** Registers a stand-in for a function no one declared: it gives back its first argument, so a walk can go on. */
    static void registerStandIn(Connection c, String name) throws SQLException {
        Function.create(c, name, builtIn("identity"));
    }

    private static String expressionQuery(String spec) {
        // ?N as written, so arguments bind by number; the expression's own ?N keep their meaning
        return "SELECT (" + spec + ")";
    }

    private static Function builtIn(String name) {
        return new Function() {
            @Override
            protected void xFunc() throws SQLException {
                if (args() == 0) {
                    result();
                    return;
                }
                if (value_type(0) == SQLITE_NULL) {
                    result();
                    return;
                }
                switch (name) {
                    case "base64" -> result(Base64.getEncoder().encodeToString(bytes()));
                    case "unbase64" -> result(Base64.getMimeDecoder().decode(value_text(0)));
                    case "lower" -> result(value_text(0).toLowerCase(Locale.ROOT));
                    case "upper" -> result(value_text(0).toUpperCase(Locale.ROOT));
                    case "hex" -> result(java.util.HexFormat.of().withUpperCase().formatHex(bytes()));
                    case "unhex" -> result(java.util.HexFormat.of().parseHex(value_text(0)));
                    default -> identity();
                }
            }

            private byte[] bytes() throws SQLException {
                return value_type(0) == SQLITE_BLOB ? value_blob(0) : value_text(0).getBytes(StandardCharsets.UTF_8);
            }

            private void identity() throws SQLException {
                switch (value_type(0)) {
                    case SQLITE_INTEGER -> result(value_long(0));
                    case SQLITE_FLOAT -> result(value_double(0));
                    case SQLITE_BLOB -> result(value_blob(0));
                    default -> result(value_text(0));
                }
            }
        };
    }

    /** One private in-memory database for every expression of a project: opened on first use, shared by the lanes. */
    private static final class Evaluator {
        private final Map<String, PreparedStatement> queries = new java.util.HashMap<>();
        private Connection own;
        private Sandbox sandbox;

        synchronized Object evaluate(String spec, Object[] arguments) throws SQLException {
            if (own == null) {
                own = DriverManager.getConnection("jdbc:sqlite::memory:");
                // an expression is the project's SQL: it runs in the sandbox, with the budget per evaluation
                sandbox = Sandbox.confine(own, Sandbox.budget());
            }
            sandbox.start();
            PreparedStatement query = queries.get(spec);
            if (query == null) {
                query = own.prepareStatement(expressionQuery(spec));
                queries.put(spec, query);
            }
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    /** An SQL expression over the arguments, evaluated on a private in-memory database, so it cannot read or write data. */
    private static final class Expression extends Function {
        private final String spec;
        private final int parameters;
        private final Evaluator evaluator;

        Expression(String spec, Evaluator evaluator) {
            this.spec = spec;
            this.evaluator = evaluator;
            int max = 0;
            Matcher m = PARAMETER.matcher(spec);
            while (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
            this.parameters = max;
        }

        @Override
        protected void xFunc() throws SQLException {
            Object[] arguments = new Object[parameters];
            for (int i = 0; i < parameters && i < args(); i++) {
                arguments[i] = switch (value_type(i)) {
                    case SQLITE_NULL -> null;
                    case SQLITE_INTEGER -> value_long(i);
                    case SQLITE_FLOAT -> value_double(i);
                    case SQLITE_BLOB -> value_blob(i);
                    default -> value_text(i);
                };
            }
            Object v = evaluator.evaluate(spec, arguments);
            if (v == null) {
                result();
            } else if (v instanceof Integer n) {
                result(n.longValue());
            } else if (v instanceof Long n) {
                result(n);
            } else if (v instanceof Double d) {
                result(d);
            } else if (v instanceof byte[] b) {
                result(b);
            } else {
                result(v.toString());
            }
        }
    }
}
