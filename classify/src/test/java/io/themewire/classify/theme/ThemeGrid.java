package io.themewire.classify.theme;

import io.themewire.classify.eval.Breakdown;
import io.themewire.classify.eval.EvalItem;
import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A development tool, not a test: tries model settings on features read once, so that a variant
 * costs a second or two rather than a retrain. Annotates the training examples, the candidate
 * examples ({@code taxonomy-candidates/career}), the held-out split and a labelled corpus once,
 * then fits one model per variant and prints, for each, the held-out macro-F1 and swaps and, on the
 * corpus's half A (tune here), half B (report this) and all of it, macro-F1, right transition,
 * swaps and short-text accuracy.
 *
 * <p>Run from the checkout (docs/BENCHMARKS.md, "Themes grid"); the corpus path is relative to the
 * checkout, where Maven runs the class:
 *
 * <pre>
 * ./mvnw -q -pl classify test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.themewire.classify.theme.ThemeGrid \
 *   -Dexec.args="../shared/corpora/career-passages/career-passages.jsonl base sigma=2"
 * </pre>
 *
 * A variant is comma-separated settings: {@code sigma=}, {@code dsigma=} (direction prior), {@code
 * odds=} (parsed-move odds), {@code below=} (fallback threshold instead of the calibrated one),
 * {@code drop=PREFIX} (leave out a feature family, e.g. {@code drop=b:}), {@code mix=A} (whole-text
 * probabilities weighted A against the mean of the sentences'), {@code cand} (train on the
 * candidates too), {@code aug=N} (also train on every run of N sentences of longer examples), or
 * {@code base}.
 */
final class ThemeGrid {

  private ThemeGrid() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ThemeGrid CORPUS.jsonl [VARIANT...]");
      System.exit(2);
    }
    Taxonomy taxonomy = Taxonomy.defaultCareer();
    CoreNlpAnnotator annotator = new CoreNlpAnnotator();
    List<LabelledText> train = taxonomy.examples();
    // exec:java runs in Maven's own process: from the checkout, or from the module.
    Path candidatesDir = Path.of("classify", "taxonomy-candidates", "career");
    List<LabelledText> candidates =
        candidates(
            Files.isDirectory(candidatesDir)
                ? candidatesDir
                : Path.of("taxonomy-candidates", "career"));
    List<EvalItem> heldOut;
    try (InputStream in = ThemeGrid.class.getResourceAsStream("/taxonomy/career/heldout.jsonl")) {
      heldOut = EvalItem.read(in, "heldout");
    }
    List<EvalItem> corpus;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      corpus = EvalItem.read(in, args[0]);
    }
    List<List<Set<String>>> trainS = read(annotator, train.stream().map(LabelledText::text));
    List<List<Set<String>>> candS = read(annotator, candidates.stream().map(LabelledText::text));
    List<List<Set<String>>> heldS = read(annotator, heldOut.stream().map(EvalItem::fullText));
    List<List<Set<String>>> corpusS = read(annotator, corpus.stream().map(EvalItem::fullText));
    List<String> variants =
        args.length > 1 ? List.of(args).subList(1, args.length) : List.of("base");

    System.out.println(
        "| variant | held-out F1 | swaps | A F1 | right | swaps | short | B F1 | right | swaps |"
            + " short | all F1 | right | swaps | short |");
    System.out.println("|---|" + "---:|".repeat(14));
    for (String v : variants) {
      Variant variant = Variant.parse(v);
      List<Set<String>> fitF = new ArrayList<>();
      List<String> fitL = new ArrayList<>();
      addExamples(trainS, train, variant, fitF, fitL);
      if (variant.candidates) {
        addExamples(candS, candidates, variant, fitF, fitL);
      }
      ThemeModel m = ThemeModel.fitted(fitF, fitL, taxonomy, variant.settings);
      if (variant.below != null) {
        m = m.withFallbackBelow(variant.below);
      }
      List<String> heldP = predict(m, heldS, variant);
      List<String> corpusP = predict(m, corpusS, variant);
      System.out.printf(
          "| %s | %s | %s | %s | %s |%n",
          v,
          score(heldOut, heldP, null, true),
          score(corpus, corpusP, 'A', false),
          score(corpus, corpusP, 'B', false),
          score(corpus, corpusP, null, false));
    }
  }

  /** One variant's settings. */
  private record Variant(
      ThemeModel.Settings settings,
      Double below,
      Predicate<String> keep,
      double mix,
      boolean candidates,
      int augment) {

    static Variant parse(String spec) {
      double sigma = ThemeModel.SIGMA;
      double directionSigma = ThemeModel.DIRECTION_SIGMA;
      double odds = ThemeModel.MOVE_ODDS;
      Double below = null;
      List<String> drop = new ArrayList<>();
      double mix = 1.0;
      boolean candidates = false;
      int augment = 0;
      for (String part : spec.split(",")) {
        String[] kv = part.split("=", 2);
        String value = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
          case "base" -> {}
          case "sigma" -> sigma = Double.parseDouble(value);
          case "dsigma" -> directionSigma = Double.parseDouble(value);
          case "odds" -> odds = Double.parseDouble(value);
          case "below" -> below = Double.parseDouble(value);
          case "drop" -> drop.add(value);
          case "mix" -> mix = Double.parseDouble(value);
          case "cand" -> candidates = true;
          case "aug" -> augment = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown setting: " + part);
        }
      }
      return new Variant(
          new ThemeModel.Settings(sigma, directionSigma, odds),
          below,
          f -> drop.stream().noneMatch(f::startsWith),
          mix,
          candidates,
          augment);
    }

    Set<String> kept(Set<String> features) {
      Set<String> out = new LinkedHashSet<>();
      for (String f : features) {
        if (keep.test(f)) {
          out.add(f);
        }
      }
      return out;
    }

    Set<String> whole(List<Set<String>> sentences) {
      Set<String> out = new LinkedHashSet<>();
      sentences.forEach(s -> out.addAll(kept(s)));
      return out;
    }
  }

  private static List<LabelledText> candidates(Path dir) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".jsonl")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          out.addAll(Taxonomy.readJsonl(in, f.toString()));
        }
      }
    }
    return out;
  }

  /** Each text's sentences' features, as the classifier reads them (on every core). */
  private static List<List<Set<String>>> read(CoreNlpAnnotator annotator, Stream<String> texts) {
    return texts.toList().parallelStream()
        .map(
            text -> {
              List<Set<String>> out = new ArrayList<>();
              for (Sentence s : annotator.annotate(text)) {
                List<Roles.Mention> m = Roles.find(s.tokens());
                out.add(Features.of(s, m, Moves.of(annotator, s, m)));
              }
              return out;
            })
        .toList();
  }

  private static void addExamples(
      List<List<Set<String>>> sentences,
      List<LabelledText> examples,
      Variant v,
      List<Set<String>> features,
      List<String> labels) {
    for (int i = 0; i < examples.size(); i++) {
      List<Set<String>> ss = sentences.get(i);
      features.add(v.whole(ss));
      labels.add(examples.get(i).label());
      if (v.augment > 0 && ss.size() > v.augment) {
        for (int j = 0; j + v.augment <= ss.size(); j++) {
          features.add(v.whole(ss.subList(j, j + v.augment)));
          labels.add(examples.get(i).label());
        }
      }
    }
  }

  private static List<String> predict(ThemeModel m, List<List<Set<String>>> texts, Variant v) {
    List<String> out = new ArrayList<>();
    for (List<Set<String>> sentences : texts) {
      Map<String, Double> p = m.probabilities(v.whole(sentences));
      if (v.mix < 1.0 && sentences.size() > 1) {
        Map<String, Double> mixed = new TreeMap<>();
        p.forEach((k, x) -> mixed.put(k, v.mix * x));
        for (Set<String> s : sentences) {
          m.probabilities(v.kept(s))
              .forEach((k, x) -> mixed.merge(k, (1 - v.mix) * x / sentences.size(), Double::sum));
        }
        p = mixed;
      }
      out.add(m.primary(p));
    }
    return out;
  }

  private static String score(
      List<EvalItem> items, List<String> predicted, Character half, boolean brief) {
    List<EvalItem> in = new ArrayList<>();
    List<String> pred = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (half == null || items.get(i).half() == half) {
        in.add(items.get(i));
        pred.add(predicted.get(i));
      }
    }
    Breakdown b = Breakdown.of(in, pred, List.of(List.of("ic-to-manager", "manager-to-ic")));
    if (brief) {
      return String.format(Locale.ROOT, "%.3f | %.3f", b.all().macroF1(), b.swapRate());
    }
    return String.format(
        Locale.ROOT,
        "%.3f | %.3f | %.3f | %.3f",
        b.all().macroF1(),
        b.rightTransitionRate(),
        b.swapRate(),
        b.shortAccuracy());
  }
}
