package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themewire.api.ApiServer;
import io.themewire.api.SourceStatus;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.source.SourceRequest;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' page in Debian's headless Chromium, driven through Selenium, against the real server
 * as {@code themewire demo} builds it, over the sample corpus classified by the real model, plus
 * one hostile feed ({@code web/hostile.rss.xml}). After every test: no console errors, no CSP
 * violations, no dialog, and a screenshot under {@code target/web-page/}.
 *
 * <p>Without Chromium the test is skipped on a workstation but fails when {@code CI=true}: CI
 * installs {@code chromium} and {@code chromium-driver} (see {@code .ci/run}).
 */
class WebPageIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "web-page");
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Counts dialogs and CSP violations from the first script of every document on. */
  static final String PROBE =
      "window.__tw = {csp: [], dialogs: 0};"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__tw.csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
          + "['alert', 'confirm', 'prompt', 'print'].forEach(function (f) {"
          + "  var orig = window[f];"
          + "  window[f] = function () { window.__tw.dialogs++; return orig.apply(window, arguments); };"
          + "});";

  @TempDir static Path data;
  @TempDir static Path profile;
  static Wiring wiring;
  static LuceneArticleIndex index;
  static ApiServer server;
  static ChromeDriver driver;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String why = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + " (CI installs chromium and chromium-driver in .ci/run)");
      }
      Assumptions.abort(why + "; install chromium and chromium-driver to run it");
    }
    wiring = new Wiring(new Settings(data, null, false), Clock.systemUTC());
    index = wiring.openIndex();
    List<Path> files = new ArrayList<>(DemoCommand.sampleFiles(EmbeddedPipelineIT.SAMPLES));
    Path hostile = data.resolve("hostile.rss.xml");
    try (var in = WebPageIT.class.getResourceAsStream("/web/hostile.rss.xml")) {
      Files.copy(in, hostile, StandardCopyOption.REPLACE_EXISTING);
    }
    files.add(hostile);
    try (JsonlDeadLetterLog dead = wiring.deadLetterLog()) {
      EmbeddedRunner<SourceRequest> runner = new EmbeddedRuntime(wiring).pipeline(index, dead);
      for (Path f : files) {
        runner.submit(new SourceRequest(f.toString()));
      }
      assertThat(runner.awaitIdle(Duration.ofMinutes(5))).isTrue();
      runner.close();
    }
    Instant now = Instant.now();
    server =
        ApiServer.start(
            index,
            ApiWiring.options(wiring, index)
                .withSources(
                    () ->
                        List.of(
                            new SourceStatus(
                                "https://leadletter.example/rss",
                                "The Lead Letter",
                                now.minusSeconds(600),
                                null,
                                12,
                                0,
                                now.plusSeconds(900)),
                            new SourceStatus(
                                "https://gone.example/feed.xml",
                                null,
                                null,
                                new SourceStatus.LastError(
                                    "http-404", "404 Not Found", now.minusSeconds(60)),
                                0,
                                3,
                                now.plusSeconds(3600)))),
            "127.0.0.1",
            0);
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SHOTS);
    driver = chromium(profile);
  }

  static ChromeDriver chromium(Path profileDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--user-data-dir=" + profileDir,
        "--window-size=1280,1400");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // A dialog must not be dismissed behind the test's back: it stays open and is seen.
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, options);
    d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    return d;
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.close();
    }
    if (wiring != null) {
      wiring.close();
    }
  }

  @BeforeEach
  void drainLogs() {
    driver.manage().logs().get(LogType.BROWSER);
  }

  @AfterEach
  void noErrorsNoViolationsNoDialogs(TestInfo test) throws Exception {
    String name = test.getTestMethod().orElseThrow().getName();
    assertNoDialog();
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        SHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    List<String> problems =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(
                e ->
                    e.getLevel().intValue() >= Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy")
                        || e.getMessage().contains("Refused to"))
            .map(LogEntry::toString)
            .collect(Collectors.toList());
    assertThat(problems).as("browser console errors and CSP reports").isEmpty();
    assertThat(probe("csp")).as("securitypolicyviolation events").isEqualTo("[]");
    assertThat(probe("dialogs")).as("dialogs opened").isEqualTo("0");
  }

  static void assertNoDialog() {
    try {
      String text = driver.switchTo().alert().getText();
      driver.switchTo().alert().dismiss();
      fail("a dialog fired: " + text);
    } catch (NoAlertPresentException expected) {
      // no dialog: as it should be
    }
  }

  static String probe(String field) {
    Object v =
        driver.executeScript(
            "return window.__tw ? JSON.stringify(window.__tw." + field + ") : 'no probe';");
    return String.valueOf(v);
  }

  static void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
    settled();
  }

  /** Waits until results, chips and trend charts are drawn for the current state. */
  static void settled() {
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "false".equals(d.findElement(By.id("results")).getAttribute("aria-busy"))
                    && "false".equals(d.findElement(By.id("chips")).getAttribute("aria-busy"))
                    && "false"
                        .equals(d.findElement(By.id("trend-charts")).getAttribute("aria-busy")));
  }

  /** A route of the same server, read as JSON with a plain HTTP client (not the browser). */
  static JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** A spike of the sample corpus as the API reports it: its theme, day and explanation. */
  record Spike(String theme, String date, long count, JsonNode why) {}

  /** Every spike {@code /api/trends} reports for the whole corpus, by theme in chart order. */
  static List<Spike> spikesFromTheApi() throws Exception {
    List<Spike> out = new ArrayList<>();
    for (JsonNode series : api("/api/trends?interval=day").get("series")) {
      for (JsonNode p : series.get("points")) {
        if (p.hasNonNull("spike")) {
          out.add(
              new Spike(
                  series.get("theme").asText(),
                  p.get("date").asText(),
                  p.get("count").asLong(),
                  p.get("spike")));
        }
      }
    }
    return out;
  }

  static WebElement spikeOnChart(Spike spike) {
    return driver.findElement(
        By.cssSelector(
            "#trend-charts figure[data-theme='"
                + spike.theme()
                + "'] g.spike[data-date='"
                + spike.date()
                + "']"));
  }

  static String trendWhy() {
    return driver.findElement(By.id("trend-why")).getText();
  }

  /** After a spike was chosen: the URL, the results and the briefing all say its day. */
  static void assertNarrowedTo(Spike spike) {
    String next = LocalDate.parse(spike.date()).plusDays(1).toString();
    new WebDriverWait(driver, WAIT)
        .until(d -> d.getCurrentUrl().contains("from=" + spike.date() + "&to=" + next));
    settled();
    assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo(spike.date());
    assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo(next);
    assertThat(hits())
        .hasSizeGreaterThanOrEqualTo((int) Math.min(spike.count(), 20))
        .allSatisfy(
            h ->
                assertThat(h.findElement(By.cssSelector("time")).getAttribute("datetime"))
                    .startsWith(spike.date()));
    assertThat(Integer.parseInt(resultCount().replaceAll("\\D", "")))
        .isGreaterThanOrEqualTo((int) spike.count());
    // The charts stay readable around the day (not one bar) and mark it.
    assertThat(driver.findElements(By.cssSelector("#trend-charts g.day.chosen")))
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.getAttribute("data-date")).isEqualTo(spike.date()));
    assertThat(driver.findElements(By.cssSelector("#trend-charts figure:first-child g.day")))
        .hasSizeGreaterThan(7);
  }

  static String resultCount() {
    return driver.findElement(By.id("result-count")).getText();
  }

  static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#hits li.hit"));
  }

  static List<String> titles() {
    return hits().stream()
        .map(h -> h.findElement(By.cssSelector(".title")).getText())
        .collect(Collectors.toList());
  }

  static Map<String, String> chipCounts() {
    return driver.findElements(By.cssSelector("#chips .chip")).stream()
        .collect(
            Collectors.toMap(
                c -> c.getAttribute("data-theme"),
                c ->
                    c.findElements(By.cssSelector(".count")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse("")));
  }

  @Test
  void typingAQuery_showsHighlightedResults_andPutsItInTheUrl() {
    open("/");
    String allCount = resultCount();
    Map<String, String> allChips = chipCounts();
    assertThat(hits()).isNotEmpty();

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("manager", Keys.ENTER);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("q=manager"));
    settled();

    assertThat(resultCount()).matches("\\d+ results").isNotEqualTo(allCount);
    assertThat(hits()).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#hits .snippet mark")))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getText().toLowerCase()).startsWith("manag"));
    assertThat(chipCounts()).containsOnlyKeys(allChips.keySet()).isNotEqualTo(allChips);
    assertThat(driver.findElement(By.id("syntax-hint")).getText()).contains("Lucene syntax");
  }

  @Test
  void clickingAThemeChip_filtersTheResults_andTheCountsChange() {
    open("/?q=manager");
    String before = resultCount();
    List<String> titlesBefore = titles();
    Map<String, String> chipsBefore = chipCounts();
    String expected = chipsBefore.get("manager-to-ic");

    driver.findElement(By.cssSelector("#chips .chip[data-theme='manager-to-ic']")).click();
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("theme=manager-to-ic"));
    settled();

    assertThat(resultCount()).isNotEqualTo(before).isEqualTo(expected + " results");
    assertThat(titles()).isNotEqualTo(titlesBefore);
    assertThat(hits())
        .allSatisfy(
            h ->
                assertThat(h.findElements(By.cssSelector(".badge[data-theme='manager-to-ic']")))
                    .isNotEmpty());
    WebElement chip =
        driver.findElement(By.cssSelector("#chips .chip[data-theme='manager-to-ic']"));
    assertThat(chip.getAttribute("aria-pressed")).isEqualTo("true");
    // The "All themes" chip now shows no total, so its count changed with the selection.
    assertThat(chipCounts()).isNotEqualTo(chipsBefore);
  }

  @Test
  void aSharedUrl_opensWithItsResultsAlreadyDrawn() {
    open("/?q=manager&theme=ic-to-manager&kind=feed&sort=date");

    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("manager");
    assertThat(driver.findElement(By.id("kind")).getAttribute("value")).isEqualTo("feed");
    assertThat(driver.findElement(By.id("sort")).getAttribute("value")).isEqualTo("date");
    assertThat(
            driver
                .findElement(By.cssSelector("#chips .chip[data-theme='ic-to-manager']"))
                .getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertThat(hits())
        .isNotEmpty()
        .allSatisfy(
            h -> assertThat(h.findElement(By.cssSelector(".kind")).getText()).isEqualTo("feed"));
    List<String> published =
        hits().stream()
            .map(h -> h.findElement(By.cssSelector("time")).getAttribute("datetime"))
            .collect(Collectors.toList());
    assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void expandingAnItem_showsItsEvidenceSentence_andItsDiscussions() {
    open("/?q=%22raising+their+hands%22");
    WebElement hit = hits().get(0);
    assertThat(hit.findElement(By.cssSelector(".discussed")).getText()).contains("points");
    WebElement toggle = hit.findElement(By.cssSelector("button.expand"));
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");

    toggle.sendKeys(Keys.ENTER); // keyboard, not mouse
    WebElement details = hit.findElement(By.cssSelector(".details"));
    new WebDriverWait(driver, WAIT)
        .until(d -> !details.findElements(By.cssSelector("blockquote")).isEmpty());

    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(details.findElement(By.cssSelector(".evidence blockquote")).getText()).isNotBlank();
    assertThat(details.findElements(By.cssSelector(".discussions li")))
        .isNotEmpty()
        .allSatisfy(li -> assertThat(li.getText()).containsPattern("\\d+ points?"));
    assertThat(details.getAttribute("textContent")).contains("Also published at");
  }

  @Test
  void trendChart_drawsEveryTheme_withTheSpikesTheApiReports() throws Exception {
    open("/");
    List<String> themeIds = new ArrayList<>();
    api("/api/themes").get("themes").forEach(t -> themeIds.add(t.get("id").asText()));
    JsonNode trends = api("/api/trends?interval=day");
    int days = trends.get("series").get(0).get("points").size();

    List<WebElement> figures = driver.findElements(By.cssSelector("#trend-charts figure"));
    assertThat(figures.stream().map(f -> f.getAttribute("data-theme")).toList())
        .containsExactlyElementsOf(themeIds);
    for (WebElement figure : figures) {
      assertThat(figure.findElements(By.cssSelector("svg.trend g.day"))).hasSize(days);
      assertThat(figure.findElements(By.cssSelector("svg.trend rect.bar"))).hasSize(days);
    }
    List<Spike> spikes = spikesFromTheApi();
    assertThat(spikes).as("the sample corpus has spikes to show").isNotEmpty();
    List<String> drawn =
        driver.findElements(By.cssSelector("#trend-charts g.spike")).stream()
            .map(
                g ->
                    g.findElement(By.xpath("ancestor::*[local-name()='figure']"))
                            .getAttribute("data-theme")
                        + " "
                        + g.getAttribute("data-date"))
            .toList();
    assertThat(drawn)
        .containsExactlyElementsOf(spikes.stream().map(x -> x.theme() + " " + x.date()).toList());
    for (Spike spike : spikes) {
      WebElement g = spikeOnChart(spike);
      assertThat(g.findElements(By.cssSelector("circle.marker"))).hasSize(1);
      assertThat(g.getAttribute("tabindex")).isEqualTo("0");
      assertThat(g.getAttribute("data-count")).isEqualTo(String.valueOf(spike.count()));
    }
  }

  @Test
  void hoveringASpike_saysWhy_andClickingItFiltersTheResultsToThatDay() throws Exception {
    open("/");
    Spike spike = spikesFromTheApi().get(0);
    String topSource = spike.why().get("topSources").get(0).get("value").asText();
    String topTerm = spike.why().get("terms").get(0).get("term").asText();
    assertThat(trendWhy()).isEmpty();

    new Actions(driver).moveToElement(spikeOnChart(spike)).perform();
    new WebDriverWait(driver, WAIT).until(d -> trendWhy().contains("spike"));

    assertThat(trendWhy())
        .contains(spike.date() + ": " + spike.count() + " items")
        .contains("top sources: " + topSource)
        .contains("terms: " + topTerm);
    assertThat(driver.findElements(By.cssSelector("#trend-why a")))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getAttribute("href")).matches("https?://.*"));

    spikeOnChart(spike).click();

    assertNarrowedTo(spike);
    new WebDriverWait(driver, WAIT)
        .until(d -> !d.findElements(By.cssSelector("#briefing-body .briefing-date")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#briefing-body .briefing-date")).getText())
        .contains(spike.date());
  }

  @Test
  void aSpike_isReachedFromTheKeyboard_andEnterFiltersToItsDay() throws Exception {
    open("/");
    List<Spike> spikes = spikesFromTheApi();
    Spike spike = spikes.get(spikes.size() - 1);
    WebElement target = spikeOnChart(spike);
    // Tab from the briefing link back to the charts' last spike would depend on the layout; the
    // spike being in the tab order (tabindex 0, role button) and answering focus is what counts.
    driver.executeScript("arguments[0].focus();", target);
    new WebDriverWait(driver, WAIT).until(d -> trendWhy().contains("spike"));
    assertThat(target.getAttribute("role")).isEqualTo("button");
    assertThat(target.getAttribute("aria-label")).startsWith("Spike: ").contains(spike.date());
    assertThat(trendWhy()).contains("top sources: ");

    new Actions(driver).sendKeys(Keys.ENTER).perform();

    assertNarrowedTo(spike);
  }

  @Test
  void openingADaysBriefing_showsItsStories_withEachCitationALink() throws Exception {
    open("/");
    String date = spikesFromTheApi().get(0).date();
    WebElement day = driver.findElement(By.id("date"));
    driver.executeScript("arguments[0].value = arguments[1];", day, date);
    driver.findElement(By.id("briefing-button")).sendKeys(Keys.ENTER);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("date=" + date));
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "false".equals(d.findElement(By.id("briefing-body")).getAttribute("aria-busy"))
                    && !d.findElements(By.cssSelector("#briefing-body .story")).isEmpty());

    JsonNode digest = api("/api/digest?format=json&date=" + date);
    List<String> headlines = new ArrayList<>();
    digest
        .get("themes")
        .forEach(t -> t.get("stories").forEach(st -> headlines.add(st.get("headline").asText())));
    assertThat(driver.findElement(By.cssSelector("#briefing-body .briefing-date")).getText())
        .contains(date);
    assertThat(
            driver.findElements(By.cssSelector("#briefing-body .story h5")).stream()
                .map(h -> h.getText().replaceFirst("\\s*new$", ""))
                .toList())
        .containsExactlyElementsOf(headlines);
    List<WebElement> summaries = driver.findElements(By.cssSelector("#briefing-body .summary"));
    assertThat(summaries).isNotEmpty();
    for (WebElement sentence : summaries) {
      List<WebElement> cites = sentence.findElements(By.cssSelector(".cite a"));
      assertThat(cites).as("citations of: " + sentence.getText()).isNotEmpty();
      for (WebElement cite : cites) {
        String href = cite.getAttribute("href");
        assertThat(href).matches("https?://.*");
        assertThat(URI.create(href).getHost().replaceFirst("^www\\.", ""))
            .isEqualTo(cite.getText());
        assertThat(cite.getAttribute("rel")).isEqualTo("nofollow noopener noreferrer");
      }
    }
  }

  // RELIABILITY row 27: a hostile title and body (script, onerror, javascript: and ja&Tab;vascript:
  // links, svg onload, iframe, style=) render as inert text in the results, the evidence and the
  // day's briefing: no element, handler or non-http(s) link comes from them, and no dialog fires.
  @Test
  void aHostileTitle_rendersAsText_andNoScriptRuns() {
    open("/?q=quokkaboard+OR+wombatcode");

    assertThat(hits()).hasSize(2);
    WebElement quokka =
        hits().stream().filter(h -> h.getText().contains("Quokkaboard")).findFirst().orElseThrow();
    // Markup that reached the index as text is shown as text.
    assertThat(quokka.findElement(By.cssSelector(".title")).getText())
        .contains("<script>alert(1)</script>")
        .contains("<img src=x onerror=alert(2)>")
        .contains("<a href=\"javascript:alert(8)\">");
    assertThat(quokka.findElement(By.cssSelector(".snippet")).getText())
        .contains("<script>alert(9)</script>");
    // Nothing in the results became markup: no scripts, images, frames, SVG or handlers.
    assertThat(driver.findElements(By.cssSelector("#hits script, #hits img, #hits iframe")))
        .isEmpty();
    assertThat(driver.findElements(By.cssSelector("#hits svg, #hits [onerror], #hits [onload]")))
        .isEmpty();
    // Only http(s) links, each with rel="nofollow noopener noreferrer".
    assertThat(driver.findElements(By.cssSelector("#hits a")))
        .allSatisfy(
            a -> {
              assertThat(a.getAttribute("href")).matches("https?://.*");
              assertThat(a.getAttribute("rel")).isEqualTo("nofollow noopener noreferrer");
            });
    for (WebElement hit : hits()) {
      hit.findElement(By.cssSelector("button.expand")).click();
      new WebDriverWait(driver, WAIT)
          .until(d -> !hit.findElements(By.cssSelector(".details h4")).isEmpty());
    }
    assertThat(driver.findElements(By.cssSelector("#hits script, #hits img, #hits iframe")))
        .isEmpty();
    assertThat(driver.findElements(By.cssSelector("#hits [style], #hits svg"))).isEmpty();
    assertNoDialog();

    // The same items in the briefing of their day (the fixture's first entry is of 2026-11-17).
    driver.executeScript("arguments[0].value = '2026-11-17';", driver.findElement(By.id("date")));
    driver.findElement(By.id("briefing-button")).click();
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "false".equals(d.findElement(By.id("briefing-body")).getAttribute("aria-busy"))
                    && d.findElement(By.id("briefing-body")).getText().contains("Quokkaboard"));
    WebElement briefing = driver.findElement(By.id("briefing-body"));
    assertThat(briefing.getText()).contains("<script>alert(1)</script>");
    assertThat(
            briefing.findElements(
                By.cssSelector("script, img, iframe, svg, object, embed, [style], [onerror]")))
        .isEmpty();
    assertThat(briefing.findElements(By.cssSelector("a")))
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.getAttribute("href")).matches("https?://.*");
              assertThat(a.getAttribute("rel")).isEqualTo("nofollow noopener noreferrer");
            });
    assertNoDialog();
  }

  @Test
  void sourcesView_showsHealthyAndFailingSources() {
    open("/");
    driver.findElement(By.id("nav-sources")).click();
    new WebDriverWait(driver, WAIT)
        .until(d -> d.findElements(By.cssSelector("#sources-table tbody tr")).size() == 2);

    assertThat(driver.getCurrentUrl()).endsWith("/?view=sources");
    assertThat(driver.findElement(By.id("sources-status")).getText())
        .isEqualTo("2 sources, 1 failing");
    List<WebElement> rows = driver.findElements(By.cssSelector("#sources-table tbody tr"));
    assertThat(rows.get(0).getText()).contains("The Lead Letter").contains("ok");
    assertThat(rows.get(1).getText())
        .contains("gone.example")
        .contains("failing")
        .contains("http-404");
    driver.findElement(By.id("nav-search")).click();
    settled();
    assertThat(driver.findElement(By.id("search-view")).isDisplayed()).isTrue();
  }

  /**
   * The README's picture: a query with its results, chips, the trend charts and a spike's
   * explanation drawn at once. With {@code -Dthemewire.screenshot=FILE} (set by {@code
   * -Pscreenshot}) it is also saved there.
   */
  @Test
  void overview_drawsResultsAndChipsTogether_forTheReadme() throws Exception {
    open("/?q=manager");

    assertThat(hits()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(chipCounts()).containsKeys("", "ic-to-manager", "manager-to-ic", "other");
    assertThat(driver.findElements(By.cssSelector("#trend-charts figure"))).hasSize(5);
    List<WebElement> spikes = driver.findElements(By.cssSelector("#trend-charts g.spike"));
    assertThat(spikes).isNotEmpty();
    new Actions(driver).moveToElement(spikes.get(0)).perform();
    new WebDriverWait(driver, WAIT).until(d -> trendWhy().contains("top sources"));
    String target = System.getProperty("themewire.screenshot", "");
    if (!target.isBlank()) {
      Path file = Path.of(target);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void narrowScreen_stacksTheColumns_withoutSideScrolling() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
    try {
      open("/?q=manager");
      Object scrollWidth = driver.executeScript("return document.documentElement.scrollWidth;");
      Object clientWidth = driver.executeScript("return document.documentElement.clientWidth;");
      assertThat(((Number) scrollWidth).intValue())
          .isLessThanOrEqualTo(((Number) clientWidth).intValue());
      assertThat(hits()).isNotEmpty();
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
    }
  }
}
