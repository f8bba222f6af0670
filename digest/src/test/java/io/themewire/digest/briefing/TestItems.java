package io.themewire.digest.briefing;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Direction;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Classified items for tests, with sentence offsets and salience computed from the text given. */
final class TestItems {

  private final String url;
  private String title = "";
  private Instant published = Instant.parse("2026-11-24T12:00:00Z");
  private SourceKind kind = SourceKind.FEED;
  private final List<ThemeScore> themes = new ArrayList<>();
  private Direction direction;
  private Engagement engagement;
  private String discusses;
  private ItemId parent;
  private final List<String> sentences = new ArrayList<>();
  private final List<Double> saliences = new ArrayList<>();
  private final List<CanonicalUrl> alsoAt = new ArrayList<>();

  private TestItems(String url) {
    this.url = url;
  }

  static TestItems at(String url) {
    return new TestItems(url);
  }

  TestItems title(String t) {
    title = t;
    return this;
  }

  TestItems published(String instant) {
    published = Instant.parse(instant);
    return this;
  }

  TestItems discussion(String discussedUrl, int points, int comments) {
    kind = SourceKind.DISCUSSION;
    discusses = discussedUrl;
    engagement = new Engagement(points, comments);
    return this;
  }

  TestItems comment(ItemId parentId) {
    kind = SourceKind.DISCUSSION;
    parent = parentId;
    return this;
  }

  TestItems theme(String theme, double score) {
    themes.add(new ThemeScore(theme, score));
    return this;
  }

  TestItems direction(String from, String to) {
    direction = new Direction(from, to);
    return this;
  }

  TestItems sentence(String s, double salience) {
    sentences.add(s);
    saliences.add(salience);
    return this;
  }

  TestItems copyAt(String copyUrl) {
    alsoAt.add(new CanonicalUrl(copyUrl));
    return this;
  }

  ClassifiedItem build() {
    CanonicalUrl canonical = new CanonicalUrl(url);
    StringBuilder full = new StringBuilder(title);
    List<SentenceSpan> spans = new ArrayList<>();
    if (!title.isEmpty()) {
      spans.add(new SentenceSpan(0, title.length(), 0.1));
    }
    for (int i = 0; i < sentences.size(); i++) {
      full.append(i == 0 ? (title.isEmpty() ? "" : "\n\n") : " ");
      int start = full.length();
      full.append(sentences.get(i));
      spans.add(new SentenceSpan(start, full.length(), saliences.get(i)));
    }
    String text = title.isEmpty() ? full.toString() : full.substring(title.length()).strip();
    Source source = new Source(canonical.host(), canonical.host(), kind);
    RawItem raw =
        new RawItem(
            ItemId.of(canonical),
            canonical,
            source,
            title,
            null,
            new Published(published, Published.Provenance.FEED, 1.0),
            published,
            "en",
            text,
            parent,
            parent,
            discusses == null ? null : new CanonicalUrl(discusses),
            engagement,
            null,
            alsoAt,
            List.of());
    String primary = themes.isEmpty() ? "other" : themes.get(0).theme();
    return new ClassifiedItem(
        raw, themes, primary, direction, List.of(), List.of(), spans, List.of(), "t1", "m1");
  }
}
