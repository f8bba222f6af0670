package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.Published;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Fixtures of {@code src/test/resources/discussion} and the values the format tests share. */
final class DiscussionFixtures {

  /** When every fixture is read: after all of their native times except the deliberate ones. */
  static final Instant FETCHED_AT = Instant.parse("2026-11-20T00:00:00Z");

  private DiscussionFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = DiscussionFixtures.class.getResourceAsStream("/discussion/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture discussion/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return Json.mapper().readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document written in the test itself. */
  static JsonNode inline(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A publication time read from the source. */
  static Published fromSource(String instant) {
    return new Published(Instant.parse(instant), Published.Provenance.FEED, 1.0);
  }
}
