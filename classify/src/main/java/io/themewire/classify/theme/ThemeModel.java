package io.themewire.classify.theme;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.BasicDatum;
import edu.stanford.nlp.stats.Counter;
import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.taxonomy.Theme;
import io.themewire.core.message.ItemId;
import io.themewire.core.progress.Progress;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme model: two CoreNLP {@link LinearClassifier}s (multinomial logistic regression with an
 * L2 prior) over {@link Features}.
 *
 * <ul>
 *   <li>The <em>theme</em> classifier scores every theme from all features.
 *   <li>The <em>direction</em> classifier, trained only on the transition themes' examples, decides
 *       which way a move goes: with nothing else to separate, its weight goes to what carries order
 *       (cue classes, role contexts, "from A to B", bigrams). The transition themes' joint
 *       probability is split between them by it: "promoted to manager" and "stepped down from
 *       manager" share most words, and a bag of words alone reads them the wrong way round too
 *       often.
 * </ul>
 *
 * <p>Theme probabilities are rebalanced by the themes' shares of the examples, so a theme with more
 * examples is not favoured for that alone.
 *
 * <p>{@link #version()} is a digest of everything that shapes the model — examples, features,
 * annotators, prior — so a saved model is reused only while all of those are unchanged. Thread-safe
 * once built.
 */
public final class ThemeModel {

  /** Strength of the Gaussian prior (L2): larger fits the examples more closely. */
  static final double SIGMA = 1.0;

  /**
   * The prior of the direction classifier: tighter than the theme classifier's, so that which way a
   * move goes rests on many weak cues rather than a few words of the written examples (measured on
   * the held-out split and on real passages, both improved).
   */
  static final double DIRECTION_SIGMA = 0.5;

  /** Below this joint probability of the transition themes, the direction classifier is skipped. */
  static final double DIRECTION_MIN_MASS = 0.01;

  /**
   * How much more likely a move is the way its parse says, when every move the parse reads in the
   * text agrees ({@link Moves#way}): the direction classifier's odds are multiplied by this.
   */
  static final double MOVE_ODDS = 4.0;

  /** The fitting constants; {@link #SHIPPED} is what {@link #train} uses. */
  record Settings(double sigma, double directionSigma, double moveOdds) {
    static final Settings SHIPPED = new Settings(SIGMA, DIRECTION_SIGMA, MOVE_ODDS);
  }

  /** Part of the model version: bump when what is saved ({@code Classifiers}) changes shape. */
  static final int FORMAT = 6;

  private static final Logger log = LoggerFactory.getLogger(ThemeModel.class);

  /**
   * What is saved: both classifiers, the transition themes the second one separates, the themes'
   * balance factors, the calibration of the best theme's probability and the probability below
   * which a theme gives way to the fallback theme ({@code other}), both fitted on cross-validation
   * folds of the examples.
   */
  private record Classifiers(
      LinearClassifier<String, String> themes,
      LinearClassifier<String, String> direction,
      List<String> transitions,
      Map<String, Double> balance,
      Calibration calibration,
      double fallbackBelow)
      implements Serializable {

    Classifiers with(Calibration c, double below) {
      return new Classifiers(themes, direction, transitions, balance, c, below);
    }
  }

  /** Folds of the examples that calibration is fitted on. */
  static final int CALIBRATION_FOLDS = 4;

  /** Candidate thresholds for giving way to the fallback theme, tried on the folds. */
  private static final double[] FALLBACK_CANDIDATES = {
    0.0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6
  };

  private final Classifiers classifiers;
  private final double moveOdds;
  private final String version;
  private final Scorer themeScorer;
  private final Scorer directionScorer;

  /** Each transition theme's way as {@link Moves#way} writes it ("ic>manager"). */
  private final Map<String, String> ways;

  /** The theme that takes texts no other theme fits. */
  private final String fallback;

  private final Taxonomy taxonomy;

  private ThemeModel(Classifiers classifiers, String version, Taxonomy taxonomy) {
    this(classifiers, version, taxonomy, MOVE_ODDS);
  }

  private ThemeModel(Classifiers classifiers, String version, Taxonomy taxonomy, double moveOdds) {
    this.fallback = taxonomy.fallback();
    this.taxonomy = taxonomy;
    this.classifiers = classifiers;
    this.moveOdds = moveOdds;
    this.version = version;
    this.ways = ways(taxonomy);
    this.themeScorer = new Scorer(classifiers.themes());
    this.directionScorer =
        classifiers.direction() == null ? null : new Scorer(classifiers.direction());
  }

  /**
   * Scores with a classifier's weights laid out flat: one hash look-up per feature instead of one
   * per feature and label, and no counters. Gives exactly the classifier's probabilities (a test
   * holds it to that); classification spends most of its own time here.
   */
  static final class Scorer {
    private final Map<String, Integer> featureIndex;
    private final double[][] weights;
    private final String[] labels;
    private final double[] bias;

    Scorer(LinearClassifier<String, String> c) {
      labels = c.labelIndex().objectsList().toArray(new String[0]);
      weights = c.weights();
      featureIndex = new java.util.HashMap<>(c.featureIndex().size() * 2);
      for (int i = 0; i < c.featureIndex().size(); i++) {
        featureIndex.put(c.featureIndex().get(i), i);
      }
      Counter<String> none = c.scoresOf(new int[0]);
      bias = new double[labels.length];
      for (int k = 0; k < labels.length; k++) {
        bias[k] = none.getCount(labels[k]);
      }
    }

    Map<String, Double> probabilities(Collection<String> features) {
      double[] score = bias.clone();
      for (String f : features) {
        Integer i = featureIndex.get(f);
        if (i != null) {
          double[] w = weights[i];
          for (int k = 0; k < score.length; k++) {
            score[k] += w[k];
          }
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double x : score) {
        max = Math.max(max, x);
      }
      double sum = 0;
      for (int k = 0; k < score.length; k++) {
        score[k] = Math.exp(score[k] - max);
        sum += score[k];
      }
      Map<String, Double> out = new TreeMap<>();
      for (int k = 0; k < score.length; k++) {
        out.put(labels[k], score[k] / sum);
      }
      return out;
    }
  }

  /** The version a model trained on this taxonomy now would have. */
  public static String versionFor(Taxonomy taxonomy) {
    StringBuilder key = new StringBuilder();
    key.append(taxonomy.versionTag()).append('\n');
    key.append("features=").append(Features.VERSION).append('\n');
    key.append("format=").append(FORMAT).append('\n');
    key.append("annotators=").append(CoreNlpAnnotator.ANNOTATORS).append('+');
    key.append(CoreNlpAnnotator.PARSER).append('\n');
    key.append("moves=").append(MOVE_ODDS).append(", calibration folds=");
    key.append(CALIBRATION_FOLDS).append('\n');
    key.append("sigma=").append(SIGMA).append('/').append(DIRECTION_SIGMA).append('\n');
    for (Theme t : taxonomy.themes()) {
      key.append(t.id()).append(' ').append(t.transition()).append('\n');
    }
    for (LabelledText e : taxonomy.examples()) {
      key.append(e.label()).append('\t').append(e.text()).append('\n');
    }
    return "m-" + ItemId.contentHash(key.toString()).substring(0, 12);
  }

  /** Annotates every example and trains a model on them. */
  public static ThemeModel train(Taxonomy taxonomy, CoreNlpAnnotator annotator, Progress progress) {
    List<LabelledText> examples = taxonomy.examples();
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(
          "taxonomy '" + taxonomy.id() + "' has no training examples");
    }
    long start = System.nanoTime();
    List<Set<String>> features = annotateAll(examples, annotator, progress, examples.size());
    List<String> labels = examples.stream().map(LabelledText::label).toList();
    Classifiers c = fitAndCalibrate(features, labels, taxonomy, Settings.SHIPPED);
    log.info(
        "theme model trained on {} examples, {} features, in {} ms",
        examples.size(),
        c.themes().features().size(),
        (System.nanoTime() - start) / 1_000_000);
    return new ThemeModel(c, versionFor(taxonomy), taxonomy);
  }

  /**
   * k-fold cross-validation on the taxonomy's own examples: each example is labelled by a model
   * trained on the other folds. For tuning features and the prior without touching held-out data.
   *
   * @return the predicted label of each example, in {@code taxonomy.examples()} order
   */
  public static List<String> crossValidate(
      Taxonomy taxonomy, CoreNlpAnnotator annotator, int folds, long seed, Progress progress) {
    List<LabelledText> examples = taxonomy.examples();
    if (folds < 2 || folds > examples.size()) {
      throw new IllegalArgumentException("folds must be 2.." + examples.size() + ", got " + folds);
    }
    List<Set<String>> features =
        annotateAll(examples, annotator, progress, examples.size() + folds);
    int[] fold = new int[examples.size()];
    Random random = new Random(seed);
    for (int i = 0; i < fold.length; i++) {
      fold[i] = random.nextInt(folds);
    }
    String[] predicted = new String[examples.size()];
    List<String> transitions = transitions(taxonomy);
    for (int f = 0; f < folds; f++) {
      List<Set<String>> trainFeatures = new ArrayList<>();
      List<String> trainLabels = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] != f) {
          trainFeatures.add(features.get(i));
          trainLabels.add(examples.get(i).label());
        }
      }
      ThemeModel model =
          new ThemeModel(
              fit(trainFeatures, trainLabels, transitions, Settings.SHIPPED), "cv", taxonomy);
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          predicted[i] = model.primary(model.probabilities(features.get(i)));
        }
      }
      progress.update(examples.size() + f + 1, examples.size() + folds);
    }
    return List.of(predicted);
  }

  private static List<Set<String>> annotateAll(
      List<LabelledText> examples, CoreNlpAnnotator annotator, Progress progress, long total) {
    // On every core: the annotator is thread-safe, and annotating is nearly all of training.
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    return examples.parallelStream()
        .map(
            e -> {
              Set<String> f = Features.of(annotator, annotator.annotate(e.text()));
              progress.update(done.incrementAndGet(), total);
              return f;
            })
        .toList();
  }

  private static Map<String, String> ways(Taxonomy taxonomy) {
    Map<String, String> out = new TreeMap<>();
    for (Theme t : taxonomy.themes()) {
      if (t.transition() != null) {
        out.put(t.id(), t.transition().from() + ">" + t.transition().to());
      }
    }
    return out;
  }

  private static List<String> transitions(Taxonomy taxonomy) {
    return taxonomy.themes().stream().filter(t -> t.transition() != null).map(Theme::id).toList();
  }

  /**
   * A calibrated model fitted on features already read, with other constants than the shipped ones:
   * for trying settings without annotating again.
   */
  static ThemeModel fitted(
      List<Set<String>> features, List<String> labels, Taxonomy taxonomy, Settings settings) {
    return new ThemeModel(
        fitAndCalibrate(features, labels, taxonomy, settings),
        "fitted",
        taxonomy,
        settings.moveOdds());
  }

  private static Classifiers fitAndCalibrate(
      List<Set<String>> features, List<String> labels, Taxonomy taxonomy, Settings settings) {
    Classifiers c = fit(features, labels, transitions(taxonomy), settings);
    return calibrate(c, features, labels, taxonomy, settings);
  }

  /** This model with another probability below which a theme gives way to the fallback. */
  ThemeModel withFallbackBelow(double below) {
    return new ThemeModel(
        classifiers.with(classifiers.calibration(), below), version, taxonomy, moveOdds);
  }

  private static Classifiers fit(
      List<Set<String>> features,
      List<String> labels,
      List<String> transitions,
      Settings settings) {
    Dataset<String, String> all = new Dataset<>();
    Dataset<String, String> moves = new Dataset<>();
    Set<String> movesSeen = new java.util.HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      all.add(new BasicDatum<>(features.get(i), labels.get(i)));
      if (transitions.contains(labels.get(i))) {
        moves.add(new BasicDatum<>(features.get(i), labels.get(i)));
        movesSeen.add(labels.get(i));
      }
    }
    LinearClassifier<String, String> direction =
        movesSeen.size() >= 2 ? linear(moves, settings.directionSigma()) : null;
    return new Classifiers(
        linear(all, settings.sigma()),
        direction,
        direction == null ? List.of() : List.copyOf(movesSeen),
        balance(labels),
        Calibration.NONE,
        0.0);
  }

  /**
   * Fits the calibration and the fallback threshold on {@value #CALIBRATION_FOLDS} folds: each
   * example scored by a model trained on the other folds (folds fitted in parallel).
   */
  private static Classifiers calibrate(
      Classifiers full,
      List<Set<String>> features,
      List<String> labels,
      Taxonomy taxonomy,
      Settings settings) {
    int n = features.size();
    if (n < CALIBRATION_FOLDS * 10) {
      return full;
    }
    int[] fold = new int[n];
    Random random = new Random(7);
    for (int i = 0; i < n; i++) {
      fold[i] = random.nextInt(CALIBRATION_FOLDS);
    }
    List<String> transitions = transitions(taxonomy);
    @SuppressWarnings("unchecked")
    Map<String, Double>[] scored = new Map[n];
    java.util.stream.IntStream.range(0, CALIBRATION_FOLDS)
        .parallel()
        .forEach(
            f -> {
              List<Set<String>> trainF = new ArrayList<>();
              List<String> trainL = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                  trainF.add(features.get(i));
                  trainL.add(labels.get(i));
                }
              }
              ThemeModel m =
                  new ThemeModel(
                      fit(trainF, trainL, transitions, settings),
                      "cv",
                      taxonomy,
                      settings.moveOdds());
              for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                  scored[i] = m.probabilities(features.get(i));
                }
              }
            });
    String fallback = taxonomy.fallback();
    double bestF1 = -1;
    double below = 0;
    for (double t : FALLBACK_CANDIDATES) {
      List<String> predicted = new ArrayList<>();
      for (Map<String, Double> p : scored) {
        predicted.add(primary(p, fallback, t));
      }
      double f1 = io.themewire.classify.eval.Evaluation.of(labels, predicted, List.of()).macroF1();
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        below = t;
      }
    }
    double[] top = new double[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      String p = primary(scored[i], fallback, below);
      top[i] = scored[i].get(p);
      right[i] = p.equals(labels.get(i));
    }
    log.info(
        "calibrated on {} folds: fallback below {}, cross-validated macro-F1 {}",
        CALIBRATION_FOLDS,
        below,
        String.format(java.util.Locale.ROOT, "%.3f", bestF1));
    return full.with(Calibration.fit(top, right), below);
  }

  /** The best theme, giving way to the fallback theme when the best scores below {@code below}. */
  private static String primary(Map<String, Double> p, String fallback, double below) {
    String best = best(p);
    if (fallback != null
        && !best.equals(fallback)
        && p.get(best) < below
        && p.containsKey(fallback)) {
      return fallback;
    }
    return best;
  }

  /** The primary theme of a text's probabilities: the best, unless it falls below the threshold. */
  String primary(Map<String, Double> probabilities) {
    return primary(probabilities, fallback, classifiers.fallbackBelow());
  }

  /** The calibrated chance that the primary theme is right, given its probability. */
  double confidence(double primaryProbability) {
    return classifiers.calibration().apply(primaryProbability);
  }

  /**
   * Per-theme factors that undo the themes' shares of the examples: a theme with twice the examples
   * of another is not twice as likely in the wild, so its probability is scaled down.
   */
  private static Map<String, Double> balance(List<String> labels) {
    Map<String, Double> counts = new TreeMap<>();
    labels.forEach(l -> counts.merge(l, 1.0, Double::sum));
    Map<String, Double> factors = new TreeMap<>();
    counts.forEach((label, n) -> factors.put(label, labels.size() / (counts.size() * n)));
    return factors;
  }

  private static LinearClassifier<String, String> linear(
      Dataset<String, String> data, double sigma) {
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(sigma);
    factory.setVerbose(false);
    return factory.trainClassifier(data);
  }

  /**
   * The model saved for this taxonomy in {@code dir}, or a new one trained and saved there when
   * none matches the taxonomy's current examples.
   */
  public static ThemeModel loadOrTrain(
      Path dir, Taxonomy taxonomy, CoreNlpAnnotator annotator, Progress progress)
      throws IOException {
    String version = versionFor(taxonomy);
    Path file = dir.resolve(version + ".ser.gz");
    if (Files.isRegularFile(file)) {
      try {
        Classifiers c = IOUtils.readObjectFromFile(file.toFile());
        return new ThemeModel(c, version, taxonomy);
      } catch (IOException | ClassNotFoundException | ClassCastException e) {
        log.warn("{} - saved model unreadable, retraining: {}", file, e.toString());
      }
    }
    ThemeModel model = train(taxonomy, annotator, progress);
    model.save(dir);
    return model;
  }

  /** Saves the model as {@code <version>.ser.gz} in {@code dir}; returns the file. */
  public Path save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(version + ".ser.gz");
    Path tmp = dir.resolve(version + ".ser.gz.tmp");
    IOUtils.writeObjectToFile(classifiers, tmp.toFile());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  public String version() {
    return version;
  }

  /** Probability of each theme, summing to 1, for a set of features. Sorted by theme id. */
  /**
   * Theme probabilities of one sentence, for picking evidence and salience: the theme classifier
   * with priors rebalanced, without the direction split (which way a move goes is decided on the
   * whole text).
   */
  Map<String, Double> sentenceProbabilities(Collection<String> features) {
    return rebalanced(themeScorer.probabilities(features));
  }

  private Map<String, Double> rebalanced(Map<String, Double> out) {
    double sum = 0;
    for (Map.Entry<String, Double> e : out.entrySet()) {
      e.setValue(e.getValue() * classifiers.balance().getOrDefault(e.getKey(), 1.0));
      sum += e.getValue();
    }
    for (Map.Entry<String, Double> e : out.entrySet()) {
      e.setValue(e.getValue() / sum);
    }
    return out;
  }

  Map<String, Double> probabilities(Collection<String> features) {
    Map<String, Double> out = rebalanced(themeScorer.probabilities(features));
    double mass = 0;
    for (String t : classifiers.transitions()) {
      mass += out.getOrDefault(t, 0.0);
    }
    // Which way a move goes matters only where a move is likely at all.
    if (classifiers.direction() != null && mass >= DIRECTION_MIN_MASS) {
      Map<String, Double> way = directionScorer.probabilities(features);
      String parsed = parsedWay(features);
      double sum = 0;
      for (String t : classifiers.transitions()) {
        double w = way.getOrDefault(t, 0.0);
        if (parsed != null && parsed.equals(ways.get(t))) {
          w *= moveOdds;
        }
        way.put(t, w);
        sum += w;
      }
      for (String t : classifiers.transitions()) {
        out.put(t, sum == 0 ? 0 : mass * way.get(t) / sum);
      }
    }
    return out;
  }

  /** The way every parsed move of the text agrees on, or null. */
  private static String parsedWay(Collection<String> features) {
    String found = null;
    for (String f : features) {
      if (f.startsWith(Features.WAY)) {
        String w = f.substring(Features.WAY.length());
        if (found != null && !found.equals(w)) {
          return null;
        }
        found = w;
      }
    }
    return found;
  }

  /** The probabilities CoreNLP's own classifier gives; {@link Scorer} must agree with them. */
  Map<String, Double> referenceProbabilities(Collection<String> features) {
    Counter<String> c =
        classifiers.themes().probabilityOf(new BasicDatum<String, String>(features));
    Map<String, Double> out = new TreeMap<>();
    for (String label : classifiers.themes().labels()) {
      out.put(label, c.getCount(label));
    }
    return out;
  }

  /** The fast scorer's probabilities of the theme classifier alone, before rebalancing. */
  Map<String, Double> scorerProbabilities(Collection<String> features) {
    return themeScorer.probabilities(features);
  }

  private static String best(Map<String, Double> p) {
    return p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
