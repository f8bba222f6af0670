package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.themewire.ingest.fetch.HttpFetcher;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** RELIABILITY row 2: allowing private destinations is said once, as a warning, at start-up. */
class FetchWarningTest {

  // RELIABILITY row 2
  @Test
  void allowPrivate_isLoggedOnceAsAWarning() {
    Logger logger = (Logger) LoggerFactory.getLogger(HttpFetcher.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try (Wiring wiring =
        new Wiring(new Settings(Path.of("unused"), null, true), Clock.systemUTC())) {
      wiring.fetcher();
      wiring.fetcher();
    } finally {
      logger.detachAppender(events);
    }

    assertThat(events.list).hasSize(1);
    assertThat(events.list.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(events.list.get(0).getFormattedMessage())
        .contains("private and loopback addresses is allowed");
  }
}
