package io.themewire.app;

import io.themewire.api.ApiServer;
import io.themewire.api.PageRoutes;
import io.themewire.index.ArticleReader;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the API over an open index until the process is stopped (Ctrl-C, SIGTERM). */
final class Serving {

  private static final Logger log = LoggerFactory.getLogger(Serving.class);

  private Serving() {}

  /**
   * What {@code demo} and {@code serve} put on the API: the taxonomy's themes, metrics and the
   * editors' web page. The browser test serves the same options.
   */
  static ApiServer.Options apiOptions(Wiring wiring) {
    return ApiServer.Options.of(wiring.themeInfos())
        .withMetrics(wiring.meters())
        .withRoutes(PageRoutes.bundled());
  }

  static void serveUntilStopped(
      Wiring wiring, ArticleReader index, String host, int port, PrintWriter out)
      throws InterruptedException {
    ApiServer server = ApiServer.start(index, apiOptions(wiring), host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  try {
                    index.close();
                  } catch (Exception e) {
                    log.error("index close failed: {}", e.toString());
                  }
                  stopped.countDown();
                },
                "tw-shutdown"));
    out.printf(
        "serving on http://%s:%d/  (open it in a browser, or try /api/search?q=manager; Ctrl-C"
            + " stops)%n",
        host.equals("0.0.0.0") ? "localhost" : host, server.port());
    out.flush();
    stopped.await();
  }
}
