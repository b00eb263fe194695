package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.events.schema.Identifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI in headless Chromium, on a registry filled over HTTP by real pushes, tags and deployments: what a
 * person would check on each page. Each test saves a screenshot under target/webui-screenshots/ and ends with
 * no warning or error in the browser's console.
 */
class WebUiBrowserTest {

    private static final Subject STOCK = new Subject("stock-analyzer");

    @TempDir
    static Path dir;

    private static UiRegistry registry;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start(1280, 900);
        registry = new UiRegistry(dir, false).withExample();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void no_problem_in_the_console() {
        assertEquals(List.of(), browser.consoleProblems());
    }

    /** Opens {@code path}, logging in with the read token first when the registry asks for it. */
    private void open(String path) {
        browser.driver.get(registry.url(path));
        if (browser.driver.getCurrentUrl().contains("/login")) {
            browser.driver.findElement(By.id("token")).sendKeys(UiRegistry.READ);
            browser.driver.findElement(By.cssSelector("form.login button")).click();
        }
    }

    private String h1() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    @Test
    void a_page_without_a_token_asks_for_one_and_the_token_opens_it_without_ever_being_in_the_address() throws Exception {
        browser.driver.manage().deleteAllCookies();

        browser.driver.get(registry.url("/subjects/stock-analyzer"));
        String asked = h1();
        WebElement field = browser.driver.findElement(By.id("token"));
        String type = field.getDomAttribute("type");
        browser.screenshot("login");
        field.sendKeys(UiRegistry.READ);
        field.submit();

        assertEquals("Enter a read token", asked);
        assertEquals("password", type);
        assertEquals(registry.url("/subjects/stock-analyzer"), browser.driver.getCurrentUrl());
        assertEquals("stock-analyzer", h1());
        Cookie session = browser.driver.manage().getCookieNamed(WebUi.COOKIE);
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Strict", session.getSameSite());
        assertFalse(session.getValue().contains(UiRegistry.READ), "the cookie holds a session id, not the token");
    }

    @Test
    void the_subjects_page_lists_each_subject_with_its_head_latest_tag_and_deployments() throws Exception {
        open("/");

        WebElement row = browser.driver.findElement(By.xpath("//tbody/tr[th/a[text()='stock-analyzer']]"));
        browser.screenshot("subjects");

        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals(UiRegistry.EXAMPLE.get(11).label(), cells.get(0).getText());
        assertEquals("v0.3.0 (revision 12)", cells.get(1).getText());
        assertTrue(cells.get(2).getText().contains("production: 6 → 8 rolled back"), cells.get(2).getText());
        assertTrue(cells.get(2).getText().contains("qa: 8 → 12 failed"), cells.get(2).getText());
    }

    @Test
    void the_timeline_shows_the_deployment_rolled_back_in_production_newest_first() throws Exception {
        open("/subjects/stock-analyzer");

        List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.timeline tbody tr"));
        browser.screenshot("timeline");

        List<String> deployments = rows.stream().filter(r -> r.getDomAttribute("class").equals("deployment"))
                .map(r -> r.findElements(By.tagName("td")).get(1).getText() + ": " + r.findElement(By.cssSelector(".outcome")).getText())
                .toList();
        assertEquals(List.of("deployment to qa: failed", "deployment to production: rolled back", "deployment to staging: applied",
                "deployment to production: applied"), deployments);
        assertEquals(registry.registry().view(STOCK).history().size(), rows.size());
        assertTrue(rows.get(rows.size() - 1).getText().contains("revision 1"), "the oldest event comes last");
    }

    @Test
    void the_schema_at_a_tag_is_drawn_as_a_diagram_with_the_table_names() throws Exception {
        open("/subjects/stock-analyzer/tags/v0.2.0");

        WebElement svg = browser.driver.findElement(By.cssSelector("svg.er"));
        Set<String> drawn = svg.findElements(By.cssSelector(".er-name")).stream().map(WebElement::getText)
                .collect(Collectors.toCollection(TreeSet::new));
        browser.screenshot("tag-schema");

        Set<String> tables = registry.registry().view(STOCK).schemaAt(8).tables().keySet().stream().map(Identifier::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tables, drawn);
        assertTrue(svg.getRect().getWidth() > 100 && svg.getRect().getHeight() > 100, "the diagram has a size: " + svg.getRect());
        assertTrue(svg.findElements(By.cssSelector(".er-link")).size() >= 1, "foreign keys are drawn as lines");
        assertTrue(browser.driver.findElement(By.id("t-daily_prices")).isDisplayed());
    }

    @Test
    void the_diff_between_two_tags_lists_the_renamed_column_and_the_events_between_them() throws Exception {
        open("/subjects/stock-analyzer/diff?from=v0.1.0&to=v0.2.0");

        String renamed = browser.driver.findElement(By.cssSelector("li.renamed")).getText();
        List<String> revisions = browser.driver.findElements(By.cssSelector("ol.revisions > li")).stream()
                .map(li -> li.getText().lines().findFirst().orElse("")).toList();
        String events = browser.driver.findElement(By.cssSelector("ol.revisions")).getText();
        browser.screenshot("diff");

        assertEquals("column close renamed to close_price", renamed);
        assertEquals(List.of(UiRegistry.EXAMPLE.get(6).label() + ": " + UiRegistry.EXAMPLE.get(6).message(),
                UiRegistry.EXAMPLE.get(7).label() + ": " + UiRegistry.EXAMPLE.get(7).message()), revisions);
        assertTrue(events.contains(UiRegistry.EXAMPLE.get(6).events().get(0).describe()), events);
    }

    @Test
    void a_revision_shows_its_hash_parent_events_highlighted_sql_and_the_tags_that_contain_it() throws Exception {
        open("/subjects/stock-analyzer/revisions/7");

        String facts = browser.driver.findElement(By.cssSelector("dl.facts")).getText();
        List<WebElement> keywords = browser.driver.findElements(By.cssSelector("pre.sql .k"));
        browser.screenshot("revision");

        assertTrue(facts.contains(UiRegistry.EXAMPLE.get(6).hash()), facts);
        assertTrue(facts.contains(UiRegistry.EXAMPLE.get(5).hash()), "the parent's hash: " + facts);
        assertTrue(facts.contains("v0.2.0, v0.3.0") && !facts.contains("v0.1.0"), facts);
        assertTrue(keywords.stream().anyMatch(k -> k.getText().equalsIgnoreCase("ALTER")), "ALTER is highlighted as a keyword");
        assertEquals(UiRegistry.EXAMPLE.get(6).events().get(0).describe(), browser.driver.findElement(By.cssSelector("main ol li")).getText());
    }

    @Test
    void the_audit_page_verifies_the_chain_of_every_event() throws Exception {
        open("/subjects/stock-analyzer/audit");

        String facts = browser.driver.findElement(By.cssSelector("dl.facts")).getText();
        browser.screenshot("audit");

        List<dev.strata.registry.domain.StoredEvent> log = registry.registry().log(STOCK);
        assertTrue(facts.contains("Events\n" + log.size()), facts);
        assertTrue(facts.contains(log.get(log.size() - 1).hash()), facts);
        assertTrue(facts.contains("verified"), facts);
        String checkpoint = browser.driver.findElement(By.xpath("//h2[@id='checkpoint']/following-sibling::dl")).getText();
        assertTrue(checkpoint.contains("Version\n" + log.size()), checkpoint);
        assertTrue(checkpoint.contains(log.get(log.size() - 1).hash()), checkpoint);
        assertTrue(checkpoint.contains("verified: signed by key " + registry.registry().signingKey().keyId()
                + "; the store holds event " + log.size() + " with this hash"), checkpoint);
    }

    @Test
    void with_the_keyboard_only_the_skip_link_comes_first_and_leads_to_the_content() throws Exception {
        open("/subjects/stock-analyzer");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);

        WebElement first = browser.driver.switchTo().activeElement();
        String firstText = first.getText();
        first.sendKeys(Keys.ENTER);
        WebElement afterEnter = browser.driver.switchTo().activeElement();
        browser.screenshot("keyboard");

        assertEquals("Skip to content", firstText);
        assertEquals("main", afterEnter.getDomAttribute("id"));
    }

    @Test
    void on_a_phone_the_timeline_reflows_and_nothing_scrolls_sideways() throws Exception {
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/subjects/stock-analyzer");

            long page = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth;");
            long viewport = (Long) browser.driver.executeScript("return window.innerWidth;");
            String header = browser.driver.findElement(By.cssSelector("table.timeline thead")).getCssValue("display");
            browser.screenshot("phone-timeline");

            assertTrue(page <= viewport, "the page is " + page + " px wide in a " + viewport + " px viewport");
            assertEquals("none", header, "the timeline's rows stack instead of a wide table");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
        assertTrue(Files.exists(Chromium.SCREENSHOTS.resolve("phone-timeline.png")));
    }
}
