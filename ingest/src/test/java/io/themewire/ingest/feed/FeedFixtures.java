package io.themewire.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Reads the feed tests' fixtures from {@code src/test/resources/feed}. */
final class FeedFixtures {

  private FeedFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = FeedFixtures.class.getResourceAsStream("/feed/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no feed fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of a fixture directory, for sweeps over every file in it. */
  static Path folder(String name) {
    URL url = FeedFixtures.class.getResource("/feed/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no feed fixture folder " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("fixture folder with an odd URL: " + url, e);
    }
  }
}
