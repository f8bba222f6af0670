package io.themewire.app;

import io.themewire.api.ApiServer;
import io.themewire.index.ArticleReader;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the API over an open index until the process is stopped (Ctrl-C, SIGTERM). */
final class Serving {

  private static final Logger log = LoggerFactory.getLogger(Serving.class);

  private Serving() {}

  static void serveUntilStopped(
      Wiring wiring, ArticleReader index, String host, int port, PrintWriter out)
      throws InterruptedException {
    ApiServer server = ApiServer.start(index, ApiWiring.options(wiring, index), host, port);
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
