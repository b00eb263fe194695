package dev.strata.registry.web;

import dev.strata.events.ColumnAdded;
import dev.strata.events.Revision;
import dev.strata.events.TableCreated;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web UI over plain HTTP: access, sessions, headers, escaping, paging and errors. */
class WebUiHttpTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(UiRegistry r, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url(path)));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(UiRegistry r, String path, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookie a login sets, as {@code name=value}. */
    private static String session(HttpResponse<String> login) {
        String header = login.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    @Test
    void a_page_without_a_session_sends_the_reader_to_the_login_form_and_remembers_the_page() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {

            HttpResponse<String> page = get(r, "/subjects/stock-analyzer/diff?from=v0.1.0&to=v0.2.0", null);
            HttpResponse<String> login = get(r, page.headers().firstValue("Location").orElseThrow(), null);

            assertEquals(303, page.statusCode());
            assertEquals("/login?next=%2Fsubjects%2Fstock-analyzer%2Fdiff%3Ffrom%3Dv0.1.0%26to%3Dv0.2.0",
                    page.headers().firstValue("Location").orElseThrow());
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("<input type=\"hidden\" name=\"next\" value=\"/subjects/stock-analyzer/diff?from=v0.1.0&amp;to=v0.2.0\">"),
                    login.body());
        }
    }

    @Test
    void a_login_sets_an_http_only_strict_session_cookie_that_is_not_the_token() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {

            HttpResponse<String> login = form(r, "/login", "token=" + UiRegistry.READ + "&next=%2Fsubjects%2Fstock-analyzer", null);
            HttpResponse<String> page = get(r, "/subjects/stock-analyzer", session(login));

            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertEquals(303, login.statusCode());
            assertEquals("/subjects/stock-analyzer", login.headers().firstValue("Location").orElseThrow());
            assertTrue(cookie.matches("strata_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
            assertFalse(cookie.contains(UiRegistry.READ));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>stock-analyzer</h1>"), page.body());
        }
    }

    @Test
    void a_wrong_token_gets_the_form_again_with_401_no_cookie_and_the_token_never_echoed() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {

            HttpResponse<String> login = form(r, "/login", "token=not-a-token-of-this-registry&next=%2F", null);

            assertEquals(401, login.statusCode());
            assertTrue(login.headers().firstValue("Set-Cookie").isEmpty());
            assertTrue(login.body().contains("That token is unknown to this registry or may not read. No session was opened."));
            assertFalse(login.body().contains("not-a-token-of-this-registry"));
        }
    }

    @Test
    void after_logout_the_session_cookie_opens_nothing() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {
            String cookie = session(form(r, "/login", "token=" + UiRegistry.READ + "&next=%2F", null));

            HttpResponse<String> logout = form(r, "/logout", "", cookie);
            HttpResponse<String> after = get(r, "/", cookie);

            assertEquals(303, logout.statusCode());
            String expired = logout.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(expired.startsWith("strata_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT;"), expired);
            assertEquals(303, after.statusCode());
            assertTrue(after.headers().firstValue("Location").orElseThrow().startsWith("/login"));
        }
    }

    @Test
    void a_login_never_sends_the_reader_to_another_site() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {

            HttpResponse<String> login = form(r, "/login", "token=" + UiRegistry.READ + "&next=%2F%2Fevil.example%2F", null);

            assertEquals("/", login.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void with_open_reads_pages_need_no_token_and_carry_a_policy_that_allows_no_script() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, true).withExample()) {

            HttpResponse<String> page = get(r, "/subjects/stock-analyzer/schema?at=v0.2.0", null);

            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                    page.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertTrue(page.headers().firstValue("Server-Timing").orElseThrow().matches("app;dur=[0-9]+\\.[0-9]{2}"));
            assertFalse(page.body().contains("<script"), "no script at all");
            assertFalse(page.body().contains("style=\""), "no inline style, which the policy would block");
        }
    }

    @Test
    void text_from_a_revision_is_escaped_never_markup() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, true)) {
            Revision evil = RevisionHasher.seal(new Revision(1, "evil", "<script>alert('x')</script>", "Eve <eve@example.com>",
                    Instant.parse("2026-01-01T00:00:00Z"), null, List.of(new TableCreated(new Table(Identifier.of("t<b>"),
                    List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null)), PrimaryKey.of("id"), List.of(), List.of(),
                    List.of()))), null));
            r.push("evil", List.of(evil));

            String timeline = get(r, "/subjects/evil", null).body();
            String schema = get(r, "/subjects/evil/schema", null).body();

            assertTrue(timeline.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), timeline);
            assertTrue(timeline.contains("Eve &lt;eve@example.com&gt;"), timeline);
            assertFalse(timeline.contains("<script>") || schema.contains("<b>"), "a value never becomes markup");
            assertTrue(schema.contains("t&lt;b&gt;"), schema);
        }
    }

    @Test
    void the_timeline_is_paged_fifty_events_at_a_time_newest_first() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, true)) {
            r.push("long", history(120));

            String first = get(r, "/subjects/long", null).body();
            String third = get(r, "/subjects/long?page=3", null).body();
            HttpResponse<String> fourth = get(r, "/subjects/long?page=4", null);

            assertEquals(50, rows(first));
            assertTrue(first.contains("120 events, newest first; page 1 of 3"));
            assertTrue(first.indexOf(">revision 120<") < first.indexOf(">revision 71<"), "newest first");
            assertFalse(first.contains(">revision 70<"));
            assertTrue(first.contains("<a rel=\"next\" href=\"/subjects/long?page=2\">Older</a>"));
            assertEquals(20, rows(third));
            assertTrue(third.contains(">revision 1<") && third.contains("<a rel=\"prev\" href=\"/subjects/long?page=2\">Newer</a>"));
            assertEquals(404, fourth.statusCode());
            assertTrue(fourth.body().contains("no page 4 of the timeline of long; it has pages 1..3"), fourth.body());
        }
    }

    @Test
    void unknown_subjects_revisions_and_tags_are_404_pages_and_a_post_to_a_page_is_405() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, true).withExample()) {

            HttpResponse<String> subject = get(r, "/subjects/nothing-here", null);
            HttpResponse<String> revision = get(r, "/subjects/stock-analyzer/revisions/99", null);
            HttpResponse<String> tag = get(r, "/subjects/stock-analyzer/tags/v9", null);
            HttpResponse<String> post = form(r, "/subjects/stock-analyzer", "x=1", null);

            assertEquals(404, subject.statusCode());
            assertTrue(subject.body().contains("There is no subject nothing-here in this registry."));
            assertEquals(404, revision.statusCode());
            assertTrue(revision.body().contains("no revision 99; the subject has revisions 1..12"));
            assertEquals(404, tag.statusCode());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void the_api_keeps_its_paths_and_its_tokens_beside_the_ui() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, false).withExample()) {

            HttpResponse<String> withoutToken = r.call("GET", "/v1/subjects", null, null);
            HttpResponse<String> withToken = r.call("GET", "/v1/subjects", UiRegistry.READ, null);
            HttpResponse<String> health = r.call("GET", "/health", null, null);

            assertEquals(401, withoutToken.statusCode());
            assertTrue(withoutToken.body().contains("\"error\" : \"unauthorized\""), withoutToken.body());
            assertEquals(200, withToken.statusCode());
            assertEquals("[ \"stock-analyzer\" ]\n", withToken.body());
            assertEquals(200, health.statusCode());
        }
    }

    @Test
    void the_audit_page_verifies_the_chain_and_read_again_from_the_store_names_the_first_altered_event() throws Exception {
        try (UiRegistry r = new UiRegistry(dir, true).withExample()) {
            String before = get(r, "/subjects/stock-analyzer/audit", null).body();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry.db"));
                 java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE registry_events SET payload = replace(payload, 'deployer@staging', 'someone-else')"
                        + " WHERE subject = 'stock-analyzer' AND version = 16");
            }

            String stored = get(r, "/subjects/stock-analyzer/audit?read=store", null).body();

            assertTrue(before.contains("<dt>Events</dt><dd>19</dd>") && before.contains("<strong class=\"good\">verified</strong>"), before);
            assertTrue(stored.contains("<strong class=\"bad\">broken</strong>"), stored);
            assertTrue(stored.contains("First bad event: version 16: the stored hash does not match the event&#39;s content: it was altered"),
                    stored);
        }
    }

    private static int rows(String html) {
        Matcher m = Pattern.compile("<tr class=\"revision\">").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A valid chain: a table, then a column per revision. */
    static List<Revision> history(int n) {
        List<Revision> out = new ArrayList<>();
        String parent = null;
        for (int i = 1; i <= n; i++) {
            var event = i == 1 ? new TableCreated(new Table(Identifier.of("t"), List.of(new Column(Identifier.of("id"), "INTEGER", true,
                    null, null)), PrimaryKey.of("id"), List.of(), List.of(), List.of())) : new ColumnAdded(Identifier.of("t"), Column.of("c" + i, "TEXT"));
            Revision r = RevisionHasher.seal(new Revision(i, "r" + i, "revision " + i, "test", Instant.EPOCH.plusSeconds(i), parent,
                    List.of(event), null));
            out.add(r);
            parent = r.hash();
        }
        return out;
    }
}
