package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The browser dashboard in Debian's chromium against the packaged server and a private tmux: what scripts
 * and agents push shows up live, text from the state never runs, and actions need the token.
 *
 * <p>Each push must show within {@link #UPDATE_DEADLINE}, 5 s. The page's own budget is 1 s, but on a loaded
 * 2-core machine a browser round trip takes longer (measured here: up to 2.6 s at a load average of 24), so
 * the test prints what it measured and {@code bench/dashboard.sh} holds the numbers against the 1 s.
 */
class DashboardIT extends AcceptanceTest {

    static final Duration UPDATE_DEADLINE = Duration.ofSeconds(5);
    static final String XSS = "<img src=x onerror=alert(1)>";

    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsWhatIsPushedLiveAndRunsNothingFromTheState() throws Exception {
        String alpha = session("alpha");
        session(XSS);
        startFrom(alpha);
        openDashboard();
        awaitPage(() -> sessionNames().containsAll(List.of("alpha", XSS)), "both sessions listed");

        // Each push is timed from its answer to the page showing it; the last of each is the one checked below.
        int samples = Integer.getInteger("dashboard.update.samples", 1);
        List<Long> status = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        List<Long> agent = new ArrayList<>();
        for (int i = samples - 1; i >= 0; i--) {
            String text = i == 0 ? "Deploying" : "Deploying " + i;
            status.add(timed(() -> post("/set-status", "{\"session\":\"alpha\",\"text\":\"" + text + "\",\"tone\":\"warn\"}"),
                    () -> text("[data-session='alpha'] .pill").equals(text), "the status pill"));
            int current = i == 0 ? 3 : i % 7 + 4;
            progress.add(timed(() -> post("/set-progress",
                            "{\"session\":\"alpha\",\"current\":" + current + ",\"total\":10,\"label\":\"services\"}"),
                    () -> text("[data-session='alpha'] .progress-text").equals("services %d/10 %d%%".formatted(current, current * 10)),
                    "the progress bar"));
            String state = i % 2 == 1 ? "running" : "waiting";
            agent.add(timed(() -> opensessions.agentEvent("claude-code", state, alpha, "fix-login"),
                    () -> text("[data-session='alpha'] .agent .agent-name").equals("fix-login")
                            && text("[data-session='alpha'] .agent .agent-status").equals(state)
                            && (!state.equals("waiting") || text("#attention .agent-name").equals("fix-login")),
                    "the agent " + state));
        }
        System.out.printf("{\"dashboardUpdateMs\":{\"status\":%s,\"progress\":%s,\"agent\":%s}}%n", status, progress, agent);

        assertThat(text("[data-session='alpha'] .agent .agent-status")).isEqualTo("waiting");
        assertThat(text("#attention .agent-status")).isEqualTo("waiting for you");
        awaitPage(() -> Boolean.TRUE.equals(browser.script("return !document.getElementById('chart').hidden")),
                "the 24 h chart drawn from the status history");

        // The hostile name is text on the page: no element made from it, no script run by it.
        assertThat(browser.script("return [...document.querySelectorAll('.session-name')].map(e => e.textContent)"))
                .asList().contains(XSS);
        assertThat(browser.driver().findElements(By.tagName("img"))).isEmpty();
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());

        // The sidebar's 20 themes; picking one recolours the page.
        assertThat(browser.script("return document.querySelectorAll('#theme option').length")).isEqualTo(20L);
        browser.script("const s = document.getElementById('theme'); s.value = 'nord';"
                + " s.dispatchEvent(new Event('change'));");
        awaitPage(() -> "#2e3440".equals(browser.script(
                "return getComputedStyle(document.documentElement).getPropertyValue('--base').trim()")),
                "nord's base colour applied");

        String shot = System.getProperty("dashboard.screenshot");
        if (shot != null) {
            populateForTheScreenshot(alpha);
            browser.screenshot(Path.of(shot));
        }
    }

    @Test
    void actionsAreRefusedWithoutTheTokenAndWorkWithIt() throws Exception {
        String alpha = session("alpha");
        String beta = session("beta");
        session("gamma");
        TerminalClient client = attach("alpha");
        startFrom(alpha);
        openDashboard();
        awaitPage(() -> sessionNames().containsAll(List.of("alpha", "beta", "gamma")), "the sessions listed");
        assertThat(opensessions.agentEvent("codex", "done", beta, "review")).isEqualTo(204);
        awaitPage(() -> text("[data-session='beta'] .unseen-marker").equals("unseen"), "beta's agent unseen");

        assertThat(browser.driver().findElements(By.cssSelector("button.act"))).as("no action without the token").isEmpty();
        assertThat(browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/switch-session', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({pane: '" + alpha + "', session: 'beta'})}).then(r => done(r.status));"))
                .as("the server refuses the page's switch without the token").isEqualTo(401L);
        type("#token", "not-the-token");
        click("#unlock-button");
        awaitPage(() -> text("#notice").contains("refused"), "a wrong token refused");
        assertThat(browser.driver().findElements(By.cssSelector("button.act"))).isEmpty();

        type("#token", Files.readString(opensessions.runtimeDir().resolve("token")).strip());
        click("#unlock-button");
        awaitPage(() -> !browser.driver().findElements(By.cssSelector("[data-session='beta'] button.switch")).isEmpty(),
                "the actions shown once the token is given");
        awaitPage(() -> browser.script("return document.getElementById('client').value").equals(client.tty()),
                "the attached client offered");

        click("[data-session='beta'] button.mark-seen");
        awaitPage(() -> browser.driver().findElements(By.cssSelector("[data-session='beta'] .unseen-marker")).isEmpty(),
                "beta's agent marked seen");

        click("[data-session='gamma'] button.hide");
        awaitPage(() -> text("[data-session='gamma'] .tag").equals("hidden"), "gamma hidden");

        click("[data-session='beta'] button.switch");
        awaitClientOn(client, "beta");
        assertThat(opensessions.state()).contains("\"hidden\":[\"gamma\"]");
    }

    /**
     * Publishes the page's first paint with many sessions: {@code -Ddashboard.paint.sessions=200} (run by
     * {@code bench/dashboard.sh}); skipped otherwise, as it starts that many tmux sessions.
     */
    @Test
    void firstPaintWithManySessions() throws Exception {
        int count = Integer.getInteger("dashboard.paint.sessions", 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(count > 0, "a benchmark: run with -Ddashboard.paint.sessions=200");
        String first = session("s001");
        for (int i = 2; i <= count; i++) {
            tmux.run("new-session", "-d", "-s", "s%03d".formatted(i), "-c", home.toString());
        }
        // Not startFrom: a 50-row sidebar cannot show 200 sessions, and only the server matters here.
        opensessions.start(first);
        Eventually.until(() -> opensessions.state().contains("\"name\":\"s%03d\"".formatted(count)),
                Duration.ofSeconds(60), "all sessions in the state", opensessions::state);
        int runs = Integer.getInteger("dashboard.paint.runs", 7);
        // Per run, a fresh browser loads the page twice: "cold" includes the browser's own start, "warm" is
        // a tab opened in a running browser. "render" is the warm load's first state frame to its paint.
        long[] cold = new long[runs];
        long[] warm = new long[runs];
        long[] render = new long[runs];
        long[] contentful = new long[runs];
        String url = "http://127.0.0.1:" + opensessions.port() + "/";
        for (int run = 0; run < runs; run++) {
            try (Browser fresh = Browser.open(home.resolve("profile-" + run), 1280, 900)) {
                browser = fresh;
                fresh.driver().get(url);
                cold[run] = paintedAt(fresh, "firstStatePaint");
                fresh.driver().get("about:blank");
                fresh.driver().get(url);
                warm[run] = paintedAt(fresh, "firstStatePaint");
                render[run] = warm[run] - paintedAt(fresh, "firstStateAt");
                contentful[run] = ((Number) fresh.script("const p = performance.getEntriesByName('first-contentful-paint');"
                        + " return p.length ? Math.round(p[0].startTime) : -1")).longValue();
                assertThat(fresh.script("return document.querySelectorAll('#sessions .session').length"))
                        .isEqualTo((long) count);
            } finally {
                browser = null;
            }
        }
        System.out.printf("{\"dashboardFirstPaint\":{\"sessions\":%d,\"runs\":%d,\"coldStateShownMs\":%s,"
                + "\"stateShownMs\":%s,\"renderMs\":%s,\"firstContentfulPaintMs\":%s}}%n", count, runs,
                java.util.Arrays.toString(cold), java.util.Arrays.toString(warm), java.util.Arrays.toString(render),
                java.util.Arrays.toString(contentful));

        // The server with the page open and nothing happening: the page only listens, so the server's CPU
        // stays at its idle budget and the page makes no request.
        openDashboard();
        awaitPage(() -> browser.script("return document.documentElement.dataset.firstStatePaint") != null,
                "the page painted");
        Thread.sleep(Duration.ofSeconds(Integer.getInteger("dashboard.idle.settle", 20)));
        ProcessHandle server = opensessions.process().orElseThrow();
        Duration quiet = Duration.ofSeconds(Integer.getInteger("dashboard.idle.seconds", 60));
        long requestsBefore = requests();
        Object versionBefore = browser.script("return document.documentElement.dataset.stateVersion");
        Duration cpuBefore = server.info().totalCpuDuration().orElseThrow();
        Thread.sleep(quiet);
        Duration cpu = server.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
        long requests = requests() - requestsBefore;
        System.out.printf("{\"dashboardIdle\":{\"sessions\":%d,\"quietSeconds\":%d,\"serverCpuPercentOfOneCore\":%.3f,"
                + "\"pageRequests\":%d,\"stateVersionBefore\":%s,\"stateVersionAfter\":%s}}%n", count,
                quiet.toSeconds(), 100.0 * cpu.toNanos() / quiet.toNanos(), requests, versionBefore,
                browser.script("return document.documentElement.dataset.stateVersion"));
        assertThat(requests).as("the page polls nothing").isZero();
    }

    /** A timestamp the page sets on its root element (ms since navigation start), once it is there. */
    private long paintedAt(Browser page, String name) {
        String read = "return document.documentElement.dataset." + name + " || null";
        awaitPage(() -> page.script(read) != null, name + " set");
        return Long.parseLong((String) page.script(read));
    }

    /** How many requests the page has made since it loaded (its WebSocket frames are not requests). */
    private long requests() {
        return ((Number) browser.script("return performance.getEntriesByType('resource').length")).longValue();
    }

    private void openDashboard() {
        browser = Browser.open(home.resolve("profile"), 1280, 900);
        browser.driver().get("http://127.0.0.1:" + opensessions.port() + "/");
        awaitPage(() -> text("#connection").equals("live"), "the page connected");
    }

    /** A few more sessions, agents and pushes, so the screenshot shows what the page is for. */
    private void populateForTheScreenshot(String alpha) throws Exception {
        List<Path> web = GitRepos.withWorktrees(home.resolve("repos"), "web", "dark-mode");
        Files.writeString(web.get(1).resolve("README"), "hello\nsettings follow the system theme\n");
        Files.writeString(web.get(1).resolve("theme.css"), "body { color: CanvasText; }\n");
        String api = session("api", GitRepos.withWorktrees(home.resolve("api-repo"), "api").getFirst());
        String webPane = session("web", web.get(1));
        String docs = session("docs");
        // A listener in the api session, shown as a link once the port scan sees it.
        tmux.keys(api, "exec python3 -m http.server --bind 127.0.0.1 0", "Enter");
        post("/log", "{\"session\":\"alpha\",\"message\":\"Tests passed\",\"source\":\"ci\",\"tone\":\"success\"}");
        post("/log", "{\"session\":\"alpha\",\"message\":\"Deploy to staging started\",\"source\":\"deploy\"}");
        post("/set-status", "{\"session\":\"api\",\"text\":\"Migrating\",\"tone\":\"info\"}");
        post("/set-progress", "{\"session\":\"api\",\"percent\":72,\"label\":\"migrations\"}");
        post("/log", "{\"session\":\"web\",\"message\":\"Lint failed: 3 errors\",\"source\":\"lint\",\"tone\":\"error\"}");
        post("/set-status", "{\"session\":\"web\",\"text\":\"Build failed\",\"tone\":\"error\"}");
        // A day of work behind each thread, so the chart has something to show: status, hours ago.
        pastDay(api, "codex", "a1", "add pagination", "Add cursor pagination to /orders",
                "running 22", "done 20.5", "running 15", "waiting 14.6", "running 14.2", "done 12", "running 4", "done 2.5", "running 0.02");
        pastDay(webPane, "claude-code", "w1", "dark mode", "Make the settings page follow the system theme",
                "running 19", "waiting 17", "running 16.5", "done 13", "running 5", "waiting 4.2", "running 4", "done 0");
        pastDay(docs, "amp", "d1", "API reference", null, "running 8", "done 7", "running 2", "error 0");
        awaitPage(() -> sessionNames().containsAll(List.of("api", "web", "docs"))
                && text("[data-session='docs'] .agent-status").equals("error")
                && !text("[data-session='web'] .dirty").isEmpty(), "the screenshot's sessions");
        // Waits up to 15 s for the port link (scans run at most every 10 s), and goes on without it.
        Eventually.holds(() -> text("[data-session='api'] a.port").isEmpty(), Duration.ofSeconds(15));
        browser.script("const s = document.getElementById('theme'); s.value = 'catppuccin-mocha';"
                + " s.dispatchEvent(new Event('change')); window.scrollTo(0, 0);");
    }

    /** Agent events for one thread, each "status hoursAgo", sent with those times as their {@code ts}. */
    private void pastDay(String pane, String agent, String thread, String name, String prompt, String... changes)
            throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        for (String change : changes) {
            String[] parts = change.split(" ");
            long ts = now - (long) (Double.parseDouble(parts[1]) * 3_600_000);
            String json = "{\"agent\":\"%s\",\"status\":\"%s\",\"paneId\":\"%s\",\"threadId\":\"%s\",\"threadName\":\"%s\",%s\"ts\":%d}"
                    .formatted(agent, parts[0], pane, thread, name,
                            prompt == null ? "" : "\"lastUserPrompt\":\"" + prompt + "\",", ts);
            assertThat(post("/api/agent-event", json)).isEqualTo(204);
        }
    }

    /** Runs the push and measures, in ms, until the page shows it; fails past the deadline. */
    private long timed(Push push, BooleanSupplier shown, String what) throws Exception {
        int status = push.run();
        long start = System.nanoTime();
        assertThat(status).as(what + " accepted").isBetween(200, 204);
        awaitPage(shown, what, UPDATE_DEADLINE);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @FunctionalInterface
    private interface Push {
        int run() throws Exception;
    }

    private int post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opensessions.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void awaitPage(BooleanSupplier condition, String what) {
        awaitPage(condition, what, Eventually.DEFAULT);
    }

    private void awaitPage(BooleanSupplier condition, String what, Duration deadline) {
        Eventually.until(condition, deadline, what, () -> String.valueOf(browser.script(
                "return document.getElementById('notice').textContent + '\\n' + document.querySelector('main').innerText")));
    }

    @SuppressWarnings("unchecked")
    private List<String> sessionNames() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#sessions .session-name')].map(e => e.textContent)");
    }

    /** The text of the first element the selector finds, empty when there is none. */
    private String text(String selector) {
        Object text = browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
                selector);
        return String.valueOf(text);
    }

    private void type(String selector, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    /** A real click; the page redraws on every state, so an element found a moment ago may be gone. */
    private void click(String selector) {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector(selector)).click();
                return;
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }
}
