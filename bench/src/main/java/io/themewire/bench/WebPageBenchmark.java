package io.themewire.bench;

import io.themewire.core.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code bench/run web}: how fast the editors' page shows its first results. Starts {@code
 * themewire demo --port 0} over the bundled samples as a child process, then loads the page in
 * Debian's headless Chromium with the browser cache disabled (every visit is a first visit) and
 * reads the page's own {@code tw:results} and {@code tw:trends} performance marks (set when the
 * first results, and the first trend charts, are in the DOM) and the browser's
 * first-contentful-paint. The baseline, measured in the same rounds against the same server, is
 * loading {@code /health}: one tiny JSON document, no script, so the ratio says what the page's
 * script, styles and API calls cost over the bare browser-and-server round trip.
 */
final class WebPageBenchmark {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String QUERY = "/?q=manager";

  private WebPageBenchmark() {}

  static void run(Path home, int rounds, PrintWriter out, Progress progress) throws Exception {
    String classpath = PipelineBenchmark.appClasspath(home);
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the web benchmark needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install"
              + " chromium chromium-driver)");
    }
    Path work = Files.createTempDirectory("tw-bench-web");
    Process server = ServingPort.demo(classpath, work.resolve("data"), home.resolve("samples"));
    ChromeDriver driver = null;
    try {
      String base = "http://127.0.0.1:" + ServingPort.of(server, "demo", Duration.ofSeconds(300));
      driver = chromium(work.resolve("profile"));
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      List<Double> baseline = new ArrayList<>();
      List<Double> results = new ArrayList<>();
      List<Double> paint = new ArrayList<>();
      List<Double> trends = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        driver.get(base + "/health");
        double bare =
            number(
                driver.executeScript(
                    "return performance.getEntriesByType('navigation')[0].loadEventEnd;"));
        driver.get(base + QUERY);
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(
                d ->
                    Boolean.TRUE.equals(
                        ((ChromeDriver) d)
                            .executeScript(
                                "return performance.getEntriesByName('tw:results').length > 0"
                                    + " && performance.getEntriesByName('tw:trends').length > 0;")));
        double drawn =
            number(
                driver.executeScript(
                    "return performance.getEntriesByName('tw:results')[0].startTime;"));
        double charts =
            number(
                driver.executeScript(
                    "return performance.getEntriesByName('tw:trends')[0].startTime;"));
        double fcp =
            number(
                driver.executeScript(
                    "var p = performance.getEntriesByName('first-contentful-paint');"
                        + " return p.length ? p[0].startTime : -1;"));
        if (round > 0) { // the first round warms the server's JIT and the index caches
          baseline.add(bare);
          results.add(drawn);
          paint.add(fcp);
          trends.add(charts);
        }
        progress.update(round + 1, rounds);
      }
      out.println("## web: first render of the editors' page");
      out.println();
      out.printf(
          Locale.ROOT,
          "Machine: %d processors, Java %s, %s; demo server -Xmx2g over samples/; browser cache"
              + " disabled; page %s; %d timed rounds after one warm-up.%n%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          driver.getCapabilities().getBrowserName()
              + " "
              + driver.getCapabilities().getBrowserVersion(),
          QUERY,
          rounds - 1);
      out.println("| measure | p50 (ms) | p95 (ms) | p50 ratio to baseline |");
      out.println("| --- | ---: | ---: | ---: |");
      double b50 = PipelineBenchmark.median(baseline);
      row(out, "baseline: load /health (no script)", baseline, b50);
      row(out, "page: first contentful paint", paint, b50);
      row(out, "page: first results drawn (tw:results)", results, b50);
      row(out, "page: trend charts of every theme drawn (tw:trends)", trends, b50);
      out.println();
    } finally {
      if (driver != null) {
        driver.quit();
      }
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static void row(PrintWriter out, String name, List<Double> xs, double base) {
    double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double p50 = PipelineBenchmark.median(xs);
    out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.1f× |%n",
        name,
        p50,
        PipelineBenchmark.percentile(sorted, 95),
        p50 / base);
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  private static ChromeDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--user-data-dir=" + profile,
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
