package io.themewire.testkit;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded generator of classified items for tests and benchmarks: the same settings give the same
 * items in the same order. Items are spread over a run of days with a weekly rhythm (weekends
 * quieter), over many sources of every kind, with the career themes of the default taxonomy and
 * texts of realistic lengths (short posts to long articles) drawn from a general vocabulary plus
 * each theme's own words. Optional spikes add extra items of one theme on one day, about words of
 * their own. Generated one at a time, so a million items need no more memory than one.
 *
 * <p>Build with {@link #builder()}; the settings are validated together in {@link Builder#build()}.
 */
public final class SyntheticCorpus {

  /** The themes of the default taxonomy, with words that mark each and its share of items. */
  public static final List<ThemeWords> CAREER_THEMES =
      List.of(
          new ThemeWords(
              "ic-to-manager",
              0.2,
              "promotion team lead first-time manager reports one-on-ones hiring headcount delegate"),
          new ThemeWords(
              "manager-to-ic",
              0.15,
              "stepped down back to coding individual contributor hands-on burnout pendulum"),
          new ThemeWords(
              "ic-leadership",
              0.2,
              "staff engineer principal influence architecture mentoring technical direction"),
          new ThemeWords(
              "career-framework",
              0.15,
              "ladder levels calibration compensation rubric performance review expectations"),
          new ThemeWords(
              "other", 0.3, "database release framework compiler cloud outage benchmark library"));

  private static final String[] COMMON =
      ("the a of to and in is that it for on with as was this be by are at from have or an but"
              + " not we they you he she his her their our my so if about more when what which"
              + " there all one can will would out up just some into them time also than then"
              + " people work team year company engineer engineering job role code manager career"
              + " week month plan project meeting product users change people learn started years"
              + " think know good better best hard really make made going want need found felt"
              + " first last new old long great small large important different same next early"
              + " day days process feedback growth skills experience decision goals questions"
              + " advice story write read share talk support trust leadership culture remote"
              + " office startup organisation budget problem solution system design review data")
          .split(" ");

  private final long seed;
  private final int items;
  private final int sources;
  private final LocalDate start;
  private final int days;
  private final double weekendFactor;
  private final List<ThemeWords> themes;
  private final int minWords;
  private final int maxWords;
  private final List<Spike> spikes;

  private SyntheticCorpus(Builder b) {
    this.seed = b.seed;
    this.items = b.items;
    this.sources = b.sources;
    this.start = b.start;
    this.days = b.days;
    this.weekendFactor = b.weekendFactor;
    this.themes = List.copyOf(b.themes);
    this.minWords = b.minWords;
    this.maxWords = b.maxWords;
    this.spikes = List.copyOf(b.spikes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A theme with its marking words and its share of the items.
   *
   * @param id theme id
   * @param share fraction of items with it as primary theme (shares are normalised)
   * @param words space-separated words its texts use
   */
  public record ThemeWords(String id, double share, String words) {
    public ThemeWords {
      Objects.requireNonNull(id, "id");
      if (!(share > 0)) {
        throw new IllegalArgumentException("share must be positive, got " + share);
      }
    }

    String[] vocabulary() {
      return words.split(" ");
    }
  }

  /**
   * Extra items of one theme on one day.
   *
   * @param day the day (UTC)
   * @param theme the theme
   * @param extra how many extra items
   * @param words space-separated words the extra items are about
   */
  public record Spike(LocalDate day, String theme, int extra, String words) {}

  /** The first day. */
  public LocalDate start() {
    return start;
  }

  /** The number of days. */
  public int days() {
    return days;
  }

  /** Items of the base corpus, spikes not included. */
  public int baseItems() {
    return items;
  }

  /** Hands every item to {@code sink}, base items first (oldest to newest), then spikes. */
  public void forEach(Consumer<ClassifiedItem> sink) {
    Random rnd = new Random(seed);
    double[] dayCum = new double[days];
    double total = 0;
    for (int d = 0; d < days; d++) {
      DayOfWeek w = start.plusDays(d).getDayOfWeek();
      total += w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? weekendFactor : 1.0;
      dayCum[d] = total;
    }
    double shareSum = themes.stream().mapToDouble(ThemeWords::share).sum();
    // items spread evenly over the cumulative day weights: the n-th item's day is fixed, so counts
    // per day follow the weekly rhythm exactly, with random themes on top
    for (int i = 0; i < items; i++) {
      double at = (i + 0.5) / items * total;
      int d = 0;
      int lo = 0;
      int hi = days - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dayCum[mid] > at) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      d = lo;
      ThemeWords theme = pickTheme(rnd, shareSum);
      sink.accept(item("i" + i, start.plusDays(d), theme, null, rnd));
    }
    int n = 0;
    for (Spike s : spikes) {
      ThemeWords theme =
          themes.stream()
              .filter(t -> t.id().equals(s.theme()))
              .findFirst()
              .orElse(new ThemeWords(s.theme(), 1, s.words()));
      for (int k = 0; k < s.extra(); k++) {
        sink.accept(item("s" + n++, s.day(), theme, s.words().split(" "), rnd));
      }
    }
  }

  /** Every item as a list (for small corpora). */
  public List<ClassifiedItem> toList() {
    List<ClassifiedItem> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  private ThemeWords pickTheme(Random rnd, double shareSum) {
    double x = rnd.nextDouble() * shareSum;
    for (ThemeWords t : themes) {
      x -= t.share();
      if (x < 0) {
        return t;
      }
    }
    return themes.get(themes.size() - 1);
  }

  private ClassifiedItem item(
      String key, LocalDate day, ThemeWords theme, String[] extra, Random rnd) {
    int src = (int) Math.min(sources - 1, Math.floor(sources * Math.pow(rnd.nextDouble(), 2)));
    SourceKind kind = SourceKind.values()[src % SourceKind.values().length];
    String host = "site" + src + ".example";
    CanonicalUrl url =
        kind == SourceKind.POST
            ? null
            : new CanonicalUrl("https://" + host + "/" + seed + "/" + key);
    Source source = new Source("https://" + host + "/feed", "Site " + src, kind);
    int words = words(rnd, kind);
    String[] vocab = theme.vocabulary();
    String title = sentence(rnd, 4 + rnd.nextInt(8), vocab, extra);
    StringBuilder text = new StringBuilder();
    int written = 0;
    while (written < words) {
      int len = Math.min(words - written, 8 + rnd.nextInt(16));
      text.append(sentence(rnd, len, vocab, extra)).append(written % 120 > 100 ? "\n\n" : " ");
      written += len;
    }
    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(rnd.nextInt(24 * 3600));
    ItemId id =
        url != null
            ? ItemId.of(url)
            : ItemId.of(new CanonicalUrl("https://" + host + "/p/" + seed + "/" + key));
    RawItem raw =
        new RawItem(
            id,
            url,
            source,
            title,
            "Author " + rnd.nextInt(5000),
            new Published(at, Published.Provenance.FEED, 1),
            at.plusSeconds(600),
            "en",
            text.toString().strip(),
            null,
            null,
            null,
            null,
            null);
    List<ThemeScore> scores = new ArrayList<>();
    scores.add(new ThemeScore(theme.id(), 0.6 + 0.4 * rnd.nextDouble()));
    if (rnd.nextInt(6) == 0) {
      ThemeWords second = themes.get(rnd.nextInt(themes.size()));
      if (!second.id().equals(theme.id())) {
        scores.add(new ThemeScore(second.id(), 0.3 + 0.2 * rnd.nextDouble()));
      }
    }
    return new ClassifiedItem(
        raw,
        scores,
        theme.id(),
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "career-v1",
        "synthetic");
  }

  /** Lengths by kind: posts short, feed entries medium, articles long (log-uniform in between). */
  private int words(Random rnd, SourceKind kind) {
    int lo = minWords;
    int hi = maxWords;
    switch (kind) {
      case POST, DISCUSSION -> hi = Math.max(lo, Math.min(hi, 80));
      case FEED -> hi = Math.max(lo, Math.min(hi, 400));
      case ARTICLE -> lo = Math.min(hi, Math.max(lo, 300));
    }
    return (int) Math.round(lo * Math.pow((double) hi / lo, rnd.nextDouble()));
  }

  private static String sentence(Random rnd, int len, String[] vocab, String[] extra) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < len; i++) {
      String w;
      double r = rnd.nextDouble();
      if (extra != null && r < 0.15) {
        w = extra[rnd.nextInt(extra.length)];
      } else if (r < 0.25) {
        w = vocab[rnd.nextInt(vocab.length)];
      } else {
        // Zipf-like: low indexes (function words) far more often
        w = COMMON[(int) Math.floor(COMMON.length * Math.pow(rnd.nextDouble(), 2.5))];
      }
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      s.append(i == len - 1 ? "." : " ");
    }
    return s.toString();
  }

  /** Settings of a {@link SyntheticCorpus}. */
  public static final class Builder {
    private long seed = 1;
    private int items = 1000;
    private int sources = 200;
    private LocalDate start = LocalDate.of(2025, 12, 1);
    private int days = 365;
    private double weekendFactor = 0.35;
    private List<ThemeWords> themes = CAREER_THEMES;
    private int minWords = 20;
    private int maxWords = 900;
    private final List<Spike> spikes = new ArrayList<>();

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** Base items (default 1,000). */
    public Builder items(int n) {
      items = n;
      return this;
    }

    /** Sources (default 200); a few large ones carry most items. */
    public Builder sources(int n) {
      sources = n;
      return this;
    }

    /** First day and number of days (default a year from 2025-12-01). */
    public Builder days(LocalDate first, int n) {
      start = first;
      days = n;
      return this;
    }

    /** A weekend day's volume relative to a weekday's (default 0.35). */
    public Builder weekendFactor(double f) {
      weekendFactor = f;
      return this;
    }

    public Builder themes(List<ThemeWords> t) {
      themes = List.copyOf(t);
      return this;
    }

    /** Text lengths in words (default 20..900). */
    public Builder words(int min, int max) {
      minWords = min;
      maxWords = max;
      return this;
    }

    /** Adds {@code extra} items of {@code theme} on {@code day}, about {@code words}. */
    public Builder spike(LocalDate day, String theme, int extra, String words) {
      spikes.add(new Spike(day, theme, extra, words));
      return this;
    }

    /** The corpus, after checking every setting. */
    public SyntheticCorpus build() {
      List<String> problems = new ArrayList<>();
      if (items < 0) {
        problems.add("items must be >= 0, got " + items);
      }
      if (sources < 1) {
        problems.add("sources must be >= 1, got " + sources);
      }
      if (days < 1) {
        problems.add("days must be >= 1, got " + days);
      }
      if (!(weekendFactor > 0)) {
        problems.add("weekendFactor must be > 0, got " + weekendFactor);
      }
      if (themes.isEmpty()) {
        problems.add("themes must not be empty");
      }
      if (minWords < 1 || maxWords < minWords) {
        problems.add("words must satisfy 1 <= min <= max, got " + minWords + ".." + maxWords);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      return new SyntheticCorpus(this);
    }
  }
}
