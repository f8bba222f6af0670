package io.themewire.index;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import java.time.Instant;
import java.util.List;

/** Classified items for index tests. */
public final class Items {
  private Items() {}

  public static ClassifiedItem item(
      String slug, String title, String text, String primary, String date) {
    CanonicalUrl url = new CanonicalUrl("https://blog.example/" + slug);
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source("https://blog.example/feed", "Example Blog", SourceKind.FEED),
            title,
            "A. Writer",
            new Published(Instant.parse(date + "T12:00:00Z"), Published.Provenance.FEED, 1.0),
            Instant.parse("2026-11-26T00:00:00Z"),
            "en",
            text,
            null,
            null,
            null,
            null,
            null);
    return new ClassifiedItem(
        raw,
        List.of(new ThemeScore(primary, 0.9)),
        primary,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "career-v1",
        "m-test");
  }
}
