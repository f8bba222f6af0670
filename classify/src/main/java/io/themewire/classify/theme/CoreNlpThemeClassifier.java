package io.themewire.classify.theme;

import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.taxonomy.Theme;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Direction;
import io.themewire.core.message.Entity;
import io.themewire.core.message.Evidence;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.ThemeScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme classifier on CoreNLP: annotate once, score the whole text with the {@link ThemeModel}
 * for the labels, score each sentence alone for the evidence and salience, and read the direction
 * of a move from the evidence sentence's role mentions.
 */
public final class CoreNlpThemeClassifier implements ThemeClassifier {

  /** Characters read at most; the rest of a longer text is ignored and the item flagged. */
  public static final int DEFAULT_MAX_CHARS = 20_000;

  /** Time allowed per text before it is left unclassified. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(CoreNlpThemeClassifier.class);

  /**
   * Below this calibrated confidence the primary theme is flagged {@value #UNCERTAIN}: the model is
   * more likely wrong than two in three right.
   */
  public static final double UNCERTAIN_BELOW = 0.67;

  /** The flag of a classification whose primary theme is uncertain. */
  public static final String UNCERTAIN = "uncertain";

  /** A secondary theme is reported when its probability reaches this. */
  static final double THEME_THRESHOLD = 0.25;

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "was", "are",
          "were", "be", "been", "i", "my", "we", "you", "it", "that", "this", "as", "at", "by",
          "from", "but", "not", "have", "has", "had", "he", "she", "they", "our", "me", "so", "if",
          "do", "what", "about", "after", "back", "now", "just", "all", "when", "there");

  private final CoreNlpAnnotator annotator;
  private final ThemeModel model;
  private final Taxonomy taxonomy;
  private final int maxChars;
  private final Duration budget;
  private final java.util.concurrent.ConcurrentHashMap<Thread, Alarm> running =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tw-classify-sweeper");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param maxChars characters read at most ({@link #DEFAULT_MAX_CHARS})
   * @param budget time allowed per text ({@link #DEFAULT_BUDGET})
   */
  public CoreNlpThemeClassifier(
      CoreNlpAnnotator annotator,
      ThemeModel model,
      Taxonomy taxonomy,
      int maxChars,
      Duration budget) {
    this.annotator = annotator;
    this.model = model;
    this.taxonomy = taxonomy;
    this.maxChars = maxChars;
    this.budget = budget;
    long period = Math.max(1, Math.min(250, budget.toMillis() / 4));
    sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Classifies within the time budget: a text that takes longer (pathological input, a starved
   * machine) is interrupted and comes back {@code unclassified} with the flag {@code timeout}, and
   * the caller moves on.
   *
   * <p>The work runs on the calling thread. A sweeper interrupts classifications past their
   * deadline a few times a second: handing each text to another thread cost a third of the stage's
   * time on short posts, and a timer per text a tenth.
   */
  @Override
  public Classification classify(String text) {
    Thread self = Thread.currentThread();
    Alarm alarm = new Alarm(self, System.nanoTime() + budget.toNanos());
    running.put(self, alarm);
    try {
      Classification c = classifyNow(text);
      return alarm.disarm() ? c : timedOut();
    } catch (RuntimeException e) {
      if (!alarm.disarm()) {
        return timedOut();
      }
      throw e;
    } finally {
      running.remove(self);
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Alarm alarm : running.values()) {
      if (now - alarm.deadline >= 0) {
        alarm.ring();
      }
    }
  }

  private Classification timedOut() {
    log.warn("classification exceeded its {} ms budget; item left unclassified", budget.toMillis());
    return unclassified(new ArrayList<>(List.of("timeout")));
  }

  /** Interrupts one thread at most once, unless disarmed first. */
  private static final class Alarm {
    private final Thread thread;
    private final long deadline;
    private boolean disarmed;
    private boolean rung;

    Alarm(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    synchronized void ring() {
      if (!disarmed) {
        rung = true;
        thread.interrupt();
      }
    }

    /** Stops the alarm; true when it had not rung. Clears the interrupt it caused, if any. */
    synchronized boolean disarm() {
      disarmed = true;
      if (rung) {
        Thread.interrupted();
      }
      return !rung;
    }
  }

  private Classification classifyNow(String text) {
    List<String> flags = new ArrayList<>();
    String input = text == null ? "" : text;
    if (input.length() > maxChars) {
      input = input.substring(0, maxChars);
      flags.add("truncated");
    }
    String languageProblem = languageProblem(input);
    if (languageProblem != null) {
      flags.add(languageProblem);
      return unclassified(flags);
    }
    List<Sentence> sentences = annotator.annotate(input);
    if (sentences.isEmpty()) {
      flags.add("empty");
      return unclassified(flags);
    }
    // Each sentence is read once: its role mentions and features serve the whole-text score,
    // its own score (evidence, salience), the direction and the entities.
    List<List<Roles.Mention>> mentions = new ArrayList<>();
    List<Set<String>> sentenceFeatures = new ArrayList<>();
    Set<String> textFeatures = new LinkedHashSet<>();
    for (Sentence s : sentences) {
      List<Roles.Mention> m = Roles.find(s.tokens());
      mentions.add(m);
      Set<String> f = Features.of(s, m, Moves.of(annotator, s, m));
      sentenceFeatures.add(f);
      textFeatures.addAll(f);
    }
    Map<String, Double> whole = model.probabilities(textFeatures);
    String primary = model.primary(whole);
    List<ThemeScore> themes = rank(whole, primary);
    double confidence = round(model.confidence(whole.get(primary)));
    boolean uncertain = confidence < UNCERTAIN_BELOW;
    if (uncertain) {
      flags.add(UNCERTAIN);
    }

    List<Map<String, Double>> perSentence = new ArrayList<>();
    if (sentences.size() == 1) {
      perSentence.add(whole);
    } else {
      for (Set<String> f : sentenceFeatures) {
        perSentence.add(model.sentenceProbabilities(f));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    for (ThemeScore t : themes) {
      int best = bestSentence(perSentence, t.theme());
      Sentence s = sentences.get(best);
      evidence.add(
          new Evidence(
              t.theme(),
              s.begin(),
              s.end(),
              s.text(),
              round(perSentence.get(best).get(t.theme()))));
    }
    List<SentenceSpan> spans = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      double salience =
          primary.equals(taxonomy.fallback())
              ? 1.0 / (1 + i)
              : perSentence.get(i).getOrDefault(primary, 0.0);
      spans.add(new SentenceSpan(s.begin(), s.end(), round(salience)));
    }
    Direction direction = direction(primary, mentions.get(bestSentence(perSentence, primary)));
    return new Classification(
        themes,
        primary,
        direction,
        evidence,
        spans,
        entities(mentions),
        flags,
        taxonomy.versionTag(),
        model.version(),
        confidence,
        uncertain);
  }

  /** The primary theme first, then the other themes from the threshold, best first. */
  private List<ThemeScore> rank(Map<String, Double> probabilities, String primary) {
    List<ThemeScore> all = new ArrayList<>();
    probabilities.forEach((theme, p) -> all.add(new ThemeScore(theme, round(p))));
    all.sort(Comparator.comparingDouble(ThemeScore::score).reversed());
    List<ThemeScore> kept = new ArrayList<>();
    kept.add(new ThemeScore(primary, round(probabilities.get(primary))));
    for (ThemeScore t : all) {
      if (!t.theme().equals(primary)
          && t.score() >= THEME_THRESHOLD
          && !t.theme().equals(taxonomy.fallback())) {
        kept.add(t);
      }
    }
    return kept;
  }

  private static int bestSentence(List<Map<String, Double>> perSentence, String theme) {
    int best = 0;
    double bestScore = -1;
    for (int i = 0; i < perSentence.size(); i++) {
      double p = perSentence.get(i).getOrDefault(theme, 0.0);
      if (p > bestScore) {
        bestScore = p;
        best = i;
      }
    }
    return best;
  }

  private Direction direction(String primary, List<Roles.Mention> evidence) {
    Theme theme = taxonomy.theme(primary).orElse(null);
    if (theme == null || theme.transition() == null) {
      return null;
    }
    String from = null;
    String to = null;
    for (Roles.Mention m : evidence) {
      if (!m.title()) {
        continue;
      }
      if (from == null && m.family().equals(theme.transition().from())) {
        from = m.phrase();
      } else if (to == null && m.family().equals(theme.transition().to())) {
        to = m.phrase();
      }
    }
    return new Direction(
        from != null ? from : genericRole(theme.transition().from()),
        to != null ? to : genericRole(theme.transition().to()));
  }

  private static String genericRole(String family) {
    return family.equals(Roles.IC) ? "individual contributor" : "manager";
  }

  private static List<Entity> entities(List<List<Roles.Mention>> mentions) {
    Set<String> seen = new LinkedHashSet<>();
    List<Entity> out = new ArrayList<>();
    for (List<Roles.Mention> sentence : mentions) {
      for (Roles.Mention m : sentence) {
        if (m.title()
            && m.to() - m.from() > 1
            && seen.add(m.phrase().toLowerCase(java.util.Locale.ROOT))) {
          out.add(new Entity(m.phrase(), "TITLE"));
        }
      }
    }
    return out.size() > 20 ? out.subList(0, 20) : out;
  }

  /** Why the text is not English prose worth labelling, or null when it is. */
  public static String languageProblem(String text) {
    int visible = 0;
    int letters = 0;
    int junk = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        continue;
      }
      visible++;
      if (Character.isLetter(ch)) {
        letters++;
      } else if (Character.isISOControl(ch) || ch == '\uFFFD' || ch == '\uFFFE' || ch == '\uFEFF') {
        junk++;
      }
    }
    if (visible > 0 && (junk > visible * 0.01 || letters < visible * 0.4)) {
      return "not-text";
    }
    Matcher m = WORD.matcher(text);
    int words = 0;
    int function = 0;
    int latin = 0;
    while (m.find() && words < 2000) {
      String w = m.group().toLowerCase(java.util.Locale.ROOT);
      words++;
      if (ENGLISH_FUNCTION_WORDS.contains(w)) {
        function++;
      }
      if (isLatin(w)) {
        latin++;
      }
    }
    if (words == 0) {
      return "empty";
    }
    if (words >= 8 && (function < words * 0.06 || latin < words * 0.5)) {
      return "non-english";
    }
    return null;
  }

  private static boolean isLatin(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x250) {
        return false;
      }
    }
    return true;
  }

  private Classification unclassified(List<String> flags) {
    return new Classification(
        List.of(new ThemeScore(ClassifiedItem.UNCLASSIFIED, 1.0)),
        ClassifiedItem.UNCLASSIFIED,
        null,
        List.of(),
        List.of(),
        List.of(),
        flags,
        taxonomy.versionTag(),
        model.version(),
        0.0,
        false);
  }

  private static double round(double p) {
    return Math.round(p * 10_000) / 10_000.0;
  }
}
