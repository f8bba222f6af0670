package io.themewire.digest.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Clusters items into stories in four steps, each deterministic:
 *
 * <ol>
 *   <li><b>Features.</b> A TF-IDF vector of title and lead (IDF over the items given), the
 *       distinguishing tokens (names, acronyms, numbers) of title and lead, and word 3-shingles of
 *       the whole text.
 *   <li><b>Links.</b> Items at the same URL, and items whose shingles nearly coincide, are one
 *       text: the earliest is the {@link MemberRole#SOURCE}, the others its {@link MemberRole#COPY
 *       copies}. A thread whose {@code discusses} URL is an item's URL joins that item as a {@link
 *       MemberRole#DISCUSSION}.
 *   <li><b>Similarity</b> of two texts: a blend of the TF-IDF cosine and the IDF-weighted cosine of
 *       their distinguishing tokens, damped when both name things and share none (two earthquakes
 *       in two countries) and when they are far apart in time.
 *   <li><b>Average-link agglomeration</b> of the texts over that sparse similarity graph, merging
 *       the closest pair of groups while their average pairwise similarity (absent pairs count 0)
 *       stays above the threshold. Average link does not chain: one bridging item cannot join two
 *       otherwise unrelated groups.
 * </ol>
 *
 * Items are sorted by id first, and every tie is broken by id, so the order of the input does not
 * matter. Thread-safe; no state between calls.
 */
final class AgglomerativeStoryClusterer implements StoryClusterer {

  /**
   * The knobs of the clusterer.
   *
   * @param threshold least average similarity at which two groups merge (0..1)
   * @param nameWeight share of the distinguishing-token cosine in the similarity (0..1)
   * @param titleWeight how many times a title word counts against a lead word
   * @param leadTokens how many words of the text count as the lead
   * @param disjointNamesFactor similarity multiplier when both items name at least {@code minNames}
   *     things and share none
   * @param minNames how many names each item must have before disjoint names count
   * @param sameTimeWindow how far apart two items may be before time damps their similarity
   * @param timeScale over how long after {@code sameTimeWindow} the damping halves the similarity
   * @param copyContainment least share of the shorter text's shingles found in the longer for a
   *     copy
   * @param copyMinShingles least shingles of the shorter text for containment to count
   * @param nameMass summed rarity of shared names (1 per name found nowhere else) at which the name
   *     similarity gets full credit
   */
  record Settings(
      double threshold,
      double nameWeight,
      int titleWeight,
      int leadTokens,
      double disjointNamesFactor,
      int minNames,
      Duration sameTimeWindow,
      Duration timeScale,
      double copyContainment,
      int copyMinShingles,
      double nameMass,
      double namelessFactor) {

    static final Settings DEFAULTS =
        new Settings(
            0.14, 0.45, 2, 80, 0.55, 1, Duration.ofDays(3), Duration.ofDays(10), 0.8, 12, 1.0, 0.7);

    Settings {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("threshold must be within (0,1), got " + threshold);
      }
      if (!(nameWeight >= 0 && nameWeight <= 1)) {
        throw new IllegalArgumentException("nameWeight must be within 0..1, got " + nameWeight);
      }
      if (titleWeight < 1 || leadTokens < 0 || minNames < 0 || copyMinShingles < 1) {
        throw new IllegalArgumentException(
            "titleWeight >= 1, leadTokens >= 0, minNames >= 0, copyMinShingles >= 1 required");
      }
    }

    Settings withThreshold(double t) {
      return new Settings(
          t,
          nameWeight,
          titleWeight,
          leadTokens,
          disjointNamesFactor,
          minNames,
          sameTimeWindow,
          timeScale,
          copyContainment,
          copyMinShingles,
          nameMass,
          namelessFactor);
    }
  }

  /** Above this many items, only each item's heaviest terms propose candidate pairs. */
  static final int LARGE_INPUT = 2000;

  /** How many terms of each item propose candidate pairs in a large input. */
  static final int PROPOSING_TERMS = 20;

  /** In a large input, least cosine over the proposing terms for a pair to be scored. */
  static final double MIN_PARTIAL_COSINE = 0.05;

  private final Settings settings;

  AgglomerativeStoryClusterer(Settings settings) {
    this.settings = settings;
  }

  @Override
  public List<Story> cluster(List<StoryItem> input) {
    List<StoryItem> items = new ArrayList<>(input);
    items.sort(Comparator.comparing(StoryItem::id));
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i).id().equals(items.get(i - 1).id())) {
        throw new IllegalArgumentException("two items share the id " + items.get(i).id());
      }
    }
    int n = items.size();
    if (n == 0) {
      return List.of();
    }
    Corpus corpus = new Corpus(items, settings);

    int[] discusses = discussionTargets(items);

    // Similarities among the items that are not attached discussions.
    boolean[] active = new boolean[n];
    for (int i = 0; i < n; i++) {
      active[i] = discusses[i] < 0;
    }
    PairScores sims = corpus.similarities(active);

    // Copies: same URL or nearly the same shingles.
    UnionFind copies = new UnionFind(n);
    Map<String, Integer> firstAtUrl = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = urlKey(items.get(i).url());
      if (active[i] && key != null) {
        Integer other = firstAtUrl.putIfAbsent(key, i);
        if (other != null) {
          copies.union(other, i);
        }
      }
    }
    for (long pair : corpus.copyPairs) {
      copies.union((int) (pair >>> 32), (int) pair);
    }
    // Each copy group is one text, represented by its source.
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        groups.computeIfAbsent(copies.find(i), k -> new ArrayList<>()).add(i);
      }
    }
    List<Integer> reps = new ArrayList<>();
    Map<Integer, List<Integer>> copiesOf = new HashMap<>();
    for (List<Integer> g : groups.values()) {
      g.sort(Comparator.comparing((Integer i) -> items.get(i), SOURCE_FIRST));
      reps.add(g.get(0));
      copiesOf.put(g.get(0), g.subList(1, g.size()));
    }
    reps.sort(Comparator.naturalOrder());

    List<List<Integer>> clusters = agglomerate(reps, sims);

    List<Story> stories = new ArrayList<>();
    Map<Integer, List<Integer>> discussionsOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (discusses[i] >= 0) {
        int target = copies.find(discusses[i]);
        discussionsOf.computeIfAbsent(groupRep(groups, target), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> cluster : clusters) {
      stories.add(story(items, corpus, sims, cluster, copiesOf, discussionsOf));
    }
    stories.sort(
        Comparator.comparingInt((Story s) -> -s.members().size()).thenComparing(Story::id));
    return List.copyOf(stories);
  }

  /**
   * For each item, the index of the item it discusses, or -1. A thread attaches to the non-thread
   * item at the URL it discusses, else to the item whose id it names (a comment naming its thread's
   * root); threads about the same absent article attach to the earliest of them that has a title.
   * Chains (comment → thread → article) resolve to their end.
   */
  private static int[] discussionTargets(List<StoryItem> items) {
    int n = items.size();
    Map<String, Integer> byUrl = new HashMap<>();
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byId.put(items.get(i).id(), i);
      String key = urlKey(items.get(i).url());
      if (key != null && !items.get(i).isDiscussion()) {
        byUrl.putIfAbsent(key, i);
      }
    }
    int[] target = new int[n];
    Arrays.fill(target, -1);
    Map<String, List<Integer>> orphans = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String d = items.get(i).discusses();
      if (d == null) {
        continue;
      }
      Integer t = byUrl.get(urlKey(d));
      if (t == null) {
        t = byId.get(d);
      }
      if (t != null && t != i) {
        target[i] = t;
      } else if (t == null) {
        orphans.computeIfAbsent(urlKey(d), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> thread : orphans.values()) {
      thread.sort(
          Comparator.comparing((Integer i) -> items.get(i).title().isEmpty())
              .thenComparing(i -> items.get(i), SOURCE_FIRST));
      for (int i : thread.subList(1, thread.size())) {
        target[i] = thread.get(0);
      }
    }
    int[] resolved = new int[n];
    for (int i = 0; i < n; i++) {
      int t = target[i];
      int steps = 0;
      while (t >= 0 && target[t] >= 0 && target[t] != i && steps++ < n) {
        t = target[t];
      }
      resolved[i] = t == i ? -1 : t;
    }
    // A cycle (a discusses b, b discusses a) leaves its lowest member as the article.
    for (int i = 0; i < n; i++) {
      if (resolved[i] >= 0 && resolved[resolved[i]] >= 0) {
        int lo = Math.min(i, resolved[i]);
        resolved[lo] = -1;
      }
    }
    return resolved;
  }

  private static int groupRep(Map<Integer, List<Integer>> groups, int root) {
    return groups.get(root).get(0);
  }

  /** Earliest first (unknown times last), then the longer text, then by id. */
  private static final Comparator<StoryItem> SOURCE_FIRST =
      Comparator.comparing((StoryItem it) -> it.published() == null ? Instant.MAX : it.published())
          .thenComparing(it -> -it.text().length())
          .thenComparing(StoryItem::id);

  /** Average-link agglomeration of {@code reps} over the sparse similarities. */
  private List<List<Integer>> agglomerate(List<Integer> reps, PairScores sims) {
    int u = reps.size();
    Map<Integer, Integer> index = new HashMap<>();
    for (int k = 0; k < u; k++) {
      index.put(reps.get(k), k);
    }
    List<Map<Integer, Double>> sum = new ArrayList<>(u);
    for (int k = 0; k < u; k++) {
      sum.add(new HashMap<>());
    }
    int[] size = new int[u];
    Arrays.fill(size, 1);
    int[] version = new int[u];
    List<List<Integer>> members = new ArrayList<>(u);
    for (int k = 0; k < u; k++) {
      members.add(new ArrayList<>(List.of(reps.get(k))));
    }
    PriorityQueue<Edge> queue = new PriorityQueue<>();
    for (int x = 0; x < sims.size(); x++) {
      Integer a = index.get(PairScores.first(sims.keyAt(x)));
      Integer b = index.get(PairScores.second(sims.keyAt(x)));
      double v = sims.valueAt(x);
      if (a == null || b == null || v <= 0) {
        continue;
      }
      sum.get(a).merge(b, v, Double::sum);
      sum.get(b).merge(a, v, Double::sum);
    }
    for (int a = 0; a < u; a++) {
      for (Map.Entry<Integer, Double> e : sum.get(a).entrySet()) {
        if (a < e.getKey() && e.getValue() >= settings.threshold()) {
          queue.add(new Edge(a, e.getKey(), e.getValue(), 0, 0));
        }
      }
    }
    boolean[] alive = new boolean[u];
    Arrays.fill(alive, true);
    while (!queue.isEmpty()) {
      Edge e = queue.poll();
      if (!alive[e.a] || !alive[e.b] || version[e.a] != e.va || version[e.b] != e.vb) {
        continue;
      }
      // Merge b into a (a < b, so the survivor is always the lower index).
      int a = e.a;
      int b = e.b;
      alive[b] = false;
      members.get(a).addAll(members.get(b));
      size[a] += size[b];
      version[a]++;
      Map<Integer, Double> sa = sum.get(a);
      Map<Integer, Double> sb = sum.get(b);
      sa.remove(b);
      sb.remove(a);
      for (Map.Entry<Integer, Double> x : sb.entrySet()) {
        sa.merge(x.getKey(), x.getValue(), Double::sum);
      }
      sum.set(b, Map.of());
      for (Map.Entry<Integer, Double> x : new TreeMap<>(sa).entrySet()) {
        int c = x.getKey();
        Map<Integer, Double> sc = sum.get(c);
        sc.remove(b);
        sc.put(a, x.getValue());
        double avg = x.getValue() / ((double) size[a] * size[c]);
        if (avg >= settings.threshold()) {
          int lo = Math.min(a, c);
          int hi = Math.max(a, c);
          queue.add(new Edge(lo, hi, avg, version[lo], version[hi]));
        }
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int k = 0; k < u; k++) {
      if (alive[k]) {
        List<Integer> m = new ArrayList<>(members.get(k));
        m.sort(Comparator.naturalOrder());
        out.add(m);
      }
    }
    return out;
  }

  private record Edge(int a, int b, double sim, int va, int vb) implements Comparable<Edge> {
    @Override
    public int compareTo(Edge o) {
      int c = Double.compare(o.sim, sim);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a, o.a);
      return c != 0 ? c : Integer.compare(b, o.b);
    }
  }

  private Story story(
      List<StoryItem> items,
      Corpus corpus,
      PairScores sims,
      List<Integer> reps,
      Map<Integer, List<Integer>> copiesOf,
      Map<Integer, List<Integer>> discussionsOf) {
    // Most central source first: the highest summed similarity to the other sources.
    Map<Integer, Double> centrality = new HashMap<>();
    for (int a : reps) {
      double s = 0;
      for (int b : reps) {
        if (a != b) {
          s += sims.get(a, b);
        }
      }
      centrality.put(a, s);
    }
    List<Integer> order = new ArrayList<>(reps);
    order.sort(
        Comparator.comparing((Integer i) -> -Math.round(centrality.get(i) * 1e9))
            .thenComparing(i -> items.get(i), SOURCE_FIRST));
    List<StoryMember> members = new ArrayList<>();
    List<StoryMember> copyMembers = new ArrayList<>();
    List<StoryMember> discussionMembers = new ArrayList<>();
    int copyCount = 0;
    double bestCopy = 0;
    for (int r : order) {
      StoryItem source = items.get(r);
      members.add(new StoryMember(source, MemberRole.SOURCE, null));
      for (int c : copiesOf.getOrDefault(r, List.of())) {
        copyMembers.add(new StoryMember(items.get(c), MemberRole.COPY, source.id()));
        copyCount++;
        bestCopy = Math.max(bestCopy, corpus.containment(r, c));
      }
      for (int d : discussionsOf.getOrDefault(r, List.of())) {
        discussionMembers.add(new StoryMember(items.get(d), MemberRole.DISCUSSION, source.id()));
      }
    }
    members.addAll(copyMembers);
    members.addAll(discussionMembers);
    // A story of discussions alone has them as its sources.
    String headline =
        members.stream()
            .map(m -> m.item().title())
            .filter(t -> !t.isEmpty())
            .findFirst()
            .orElse("");
    String id = Story.idOf(members.stream().map(m -> m.item().id()).toList());
    return new Story(
        id,
        headline,
        members,
        reason(items, corpus, sims, order, copyCount, bestCopy, discussionMembers.size()));
  }

  private String reason(
      List<StoryItem> items,
      Corpus corpus,
      PairScores sims,
      List<Integer> reps,
      int copies,
      double copyOverlap,
      int discussions) {
    List<String> parts = new ArrayList<>();
    if (reps.size() > 1) {
      // Names found in at least two sources, most shared first.
      Map<String, Integer> count = new HashMap<>();
      for (int r : reps) {
        for (String k : corpus.features.get(r).names.keySet()) {
          count.merge(k, 1, Integer::sum);
        }
      }
      List<String> shared =
          count.entrySet().stream()
              .filter(e -> e.getValue() >= 2)
              .sorted(
                  Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                      .thenComparing(e -> -corpus.idf(e.getKey()))
                      .thenComparing(Map.Entry::getKey))
              .limit(4)
              .map(e -> corpus.surface(reps, e.getKey()))
              .toList();
      if (!shared.isEmpty()) {
        parts.add("shared names: " + String.join(", ", shared));
      }
      double cos = 0;
      int pairs = 0;
      for (int x = 0; x < reps.size(); x++) {
        for (int y = x + 1; y < reps.size(); y++) {
          cos += corpus.cosine(reps.get(x), reps.get(y));
          pairs++;
        }
      }
      parts.add(
          String.format(
              Locale.ROOT, "%d sources, title+lead cosine %.2f", reps.size(), cos / pairs));
      Instant first = null;
      Instant last = null;
      for (int r : reps) {
        Instant p = items.get(r).published();
        if (p != null) {
          first = first == null || p.isBefore(first) ? p : first;
          last = last == null || p.isAfter(last) ? p : last;
        }
      }
      if (first != null && first != last) {
        long days = Duration.between(first, last).toDays();
        parts.add(days == 0 ? "within a day" : days + (days == 1 ? " day" : " days") + " apart");
      }
    } else {
      parts.add(copies + discussions == 0 ? "single item" : "one source");
    }
    if (copies > 0) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%d near-identical %s (%.0f%% shared text)",
              copies,
              copies == 1 ? "copy" : "copies",
              copyOverlap * 100));
    }
    if (discussions > 0) {
      parts.add(discussions + (discussions == 1 ? " discussion" : " discussions") + " of its URL");
    }
    return String.join("; ", parts);
  }

  /** A URL compared loosely: no scheme, no {@code www.}, no trailing slash, no fragment. */
  static String urlKey(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    u = u.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    int slash = u.indexOf('/');
    String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
    String path = slash < 0 ? "" : u.substring(slash);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return host + path;
  }

  /** Features of every item and the similarities between them. */
  private static final class Corpus {
    final List<StoryItem> items;
    final Settings settings;
    final List<TextFeatures> features;
    final Map<String, Integer> df = new HashMap<>();
    final int n;

    /** Per item: term ids sorted, weights aligned, L2-normalised. */
    final int[][] terms;

    final double[][] weights;

    /** Per item: name keys sorted, IDF weights aligned, L2-normalised. */
    final String[][] names;

    final double[][] nameWeights;

    /** Per item: term ids of {@link #names} (same order: ids follow alphabetical order). */
    final int[][] nameIds;

    /** Per item: {@link #rarity} of each name, aligned with {@link #names}. */
    final double[][] nameRarity;

    final Map<String, Integer> termIds = new HashMap<>();

    Corpus(List<StoryItem> items, Settings settings) {
      this.items = items;
      this.settings = settings;
      this.n = items.size();
      this.features = new ArrayList<>(n);
      // Per-item work runs on every core; results keep item order, so nothing depends on timing.
      List<TextFeatures.Words> words =
          java.util.stream.IntStream.range(0, n)
              .parallel()
              .mapToObj(i -> TextFeatures.Words.of(items.get(i).title(), items.get(i).text()))
              .toList();
      Set<String> lowercase = new HashSet<>();
      for (TextFeatures.Words w : words) {
        w.addLowercase(lowercase);
      }
      features.addAll(
          words.parallelStream()
              .map(w -> TextFeatures.of(w, settings.leadTokens(), lowercase))
              .toList());
      for (TextFeatures f : features) {
        Set<String> seen = new HashSet<>(f.titleTerms);
        seen.addAll(f.leadTerms);
        seen.addAll(f.names.keySet());
        for (String t : seen) {
          df.merge(t, 1, Integer::sum);
        }
      }
      List<String> vocabulary = new ArrayList<>(df.keySet());
      vocabulary.sort(Comparator.naturalOrder());
      for (String t : vocabulary) {
        termIds.put(t, termIds.size());
      }
      terms = new int[n][];
      weights = new double[n][];
      names = new String[n][];
      nameWeights = new double[n][];
      nameIds = new int[n][];
      nameRarity = new double[n][];
      for (int i = 0; i < n; i++) {
        TextFeatures f = features.get(i);
        Map<Integer, Double> tf = new TreeMap<>();
        for (String t : f.titleTerms) {
          tf.merge(termIds.get(t), (double) settings.titleWeight(), Double::sum);
        }
        for (String t : f.leadTerms) {
          tf.merge(termIds.get(t), 1.0, Double::sum);
        }
        int[] ids = new int[tf.size()];
        double[] w = new double[tf.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : tf.entrySet()) {
          ids[k] = e.getKey();
          w[k] = (1 + Math.log(e.getValue())) * idf(vocabulary.get(e.getKey()));
          k++;
        }
        normalise(w);
        terms[i] = ids;
        weights[i] = w;
        String[] nk = f.names.keySet().stream().sorted().toArray(String[]::new);
        double[] nw = new double[nk.length];
        for (int j = 0; j < nk.length; j++) {
          nw[j] = idf(nk[j]);
        }
        normalise(nw);
        names[i] = nk;
        nameWeights[i] = nw;
        nameIds[i] = new int[nk.length];
        nameRarity[i] = new double[nk.length];
        for (int j = 0; j < nk.length; j++) {
          nameIds[i][j] = termIds.get(nk[j]);
          nameRarity[i][j] = rarity(nk[j]);
        }
      }
    }

    double idf(String term) {
      return Math.log((1.0 + n) / (1.0 + df.getOrDefault(term, 0))) + 1;
    }

    String surface(List<Integer> reps, String key) {
      for (int r : reps) {
        String s = features.get(r).names.get(key);
        if (s != null) {
          return s;
        }
      }
      return key;
    }

    private static void normalise(double[] w) {
      double s = 0;
      for (double x : w) {
        s += x * x;
      }
      s = Math.sqrt(s);
      if (s > 0) {
        for (int i = 0; i < w.length; i++) {
          w[i] /= s;
        }
      }
    }

    double cosine(int a, int b) {
      int[] ta = terms[a];
      int[] tb = terms[b];
      double[] wa = weights[a];
      double[] wb = weights[b];
      double s = 0;
      int i = 0;
      int j = 0;
      while (i < ta.length && j < tb.length) {
        if (ta[i] == tb[j]) {
          s += wa[i++] * wb[j++];
        } else if (ta[i] < tb[j]) {
          i++;
        } else {
          j++;
        }
      }
      return s;
    }

    /**
     * How strongly the distinguishing tokens say "same event", 0..1: their IDF-weighted cosine,
     * scaled down unless the shared tokens are rare enough to carry weight (one rare shared name
     * counts for about three quarters, one that half the items share for little). The outlet's own
     * name (a token inside the item's host) does not count between two items of one site.
     */
    double nameSimilarity(int a, int b) {
      int[] na = nameIds[a];
      int[] nb = nameIds[b];
      boolean sameSite = site(a) != null && site(a).equals(site(b));
      double s = 0;
      double mass = 0;
      int i = 0;
      int j = 0;
      while (i < na.length && j < nb.length) {
        int c = Integer.compare(na[i], nb[j]);
        if (c == 0) {
          if (!(sameSite && site(a).contains(names[a][i]))) {
            s += nameWeights[a][i] * nameWeights[b][j];
            mass += nameRarity[a][i];
          }
          i++;
          j++;
        } else if (c < 0) {
          i++;
        } else {
          j++;
        }
      }
      return s * Math.min(1, mass / settings.nameMass());
    }

    /** 1 for a token in one item only, towards 0 for one in every item. */
    double rarity(String term) {
      return Math.log((1.0 + n) / (1.0 + df.getOrDefault(term, 0))) / Math.log(1.0 + n + 1e-9);
    }

    private String site(int i) {
      return items.get(i).site();
    }

    double containment(int a, int b) {
      return TextFeatures.overlap(features.get(a).shingles, features.get(b).shingles)[1];
    }

    boolean isCopy(int a, int b) {
      long[] sa = features.get(a).shingles;
      long[] sb = features.get(b).shingles;
      if (Math.min(sa.length, sb.length) < settings.copyMinShingles()) {
        return sa.length > 0 && Arrays.equals(sa, sb);
      }
      double[] o = TextFeatures.overlap(sa, sb);
      return o[1] >= settings.copyContainment();
    }

    /** The similarity of two items, 0..1, given their cosine. */
    double similarity(int a, int b, double cos) {
      if (items.get(a).isDiscussion() && items.get(b).isDiscussion()) {
        // Two threads are one story only through the article both discuss.
        return 0;
      }
      double nameCos = nameSimilarity(a, b);
      double s;
      if (names[a].length == 0 || names[b].length == 0) {
        // Nothing names the event (an essay, an opinion piece): words alone must carry it.
        s = cos * settings.namelessFactor();
      } else {
        s = (1 - settings.nameWeight()) * cos + settings.nameWeight() * nameCos;
      }
      if (nameCos == 0
          && names[a].length >= settings.minNames()
          && names[b].length >= settings.minNames()) {
        // The names share nothing: the words alone speak, damped (not the blend, whose name half
        // is already 0).
        s = cos * settings.disjointNamesFactor();
      }
      Instant pa = items.get(a).published();
      Instant pb = items.get(b).published();
      if (pa != null && pb != null) {
        double gap = Math.abs(Duration.between(pa, pb).toMinutes()) / 1440.0;
        double free = settings.sameTimeWindow().toMinutes() / 1440.0;
        double scale = Math.max(1e-9, settings.timeScale().toMinutes() / 1440.0);
        if (gap > free) {
          s *= 1 / (1 + (gap - free) / scale);
        }
      }
      return s;
    }

    /**
     * Similarity of every pair of active items that share a content term (others are 0), keyed by
     * {@link #key}. Candidate pairs come from an inverted index; very common terms (in more than a
     * fifth of the items, when there are many) do not propose pairs, but still count in the cosine.
     */
    PairScores similarities(boolean[] active) {
      // Small inputs: every shared term proposes a pair. Large ones (a busy day): each item's
      // heaviest terms propose, terms in very many items do not, and a pair is scored only when
      // the proposing terms already give part of the cosine. Which pairs are proposed depends on
      // weights and term ids only, never on input order.
      boolean large = n > LARGE_INPUT;
      int cap = large ? Math.max(200, n / 50) : Math.max(200, n / 5);
      int[][] proposing = new int[n][];
      double[][] proposingWeights = new double[n][];
      for (int i = 0; i < n; i++) {
        int[] ts = terms[i];
        if (!large || ts.length <= PROPOSING_TERMS) {
          proposing[i] = ts;
          proposingWeights[i] = weights[i];
          continue;
        }
        Integer[] order = new Integer[ts.length];
        for (int k = 0; k < ts.length; k++) {
          order[k] = k;
        }
        double[] w = weights[i];
        Arrays.sort(
            order,
            (x, y) -> {
              int c = Double.compare(w[y], w[x]);
              return c != 0 ? c : Integer.compare(ts[x], ts[y]);
            });
        int[] top = new int[PROPOSING_TERMS];
        double[] topW = new double[PROPOSING_TERMS];
        for (int k = 0; k < PROPOSING_TERMS; k++) {
          top[k] = ts[order[k]];
          topW[k] = w[order[k]];
        }
        proposing[i] = top;
        proposingWeights[i] = topW;
      }
      int vocab = termIds.size();
      int[] postingCount = new int[vocab];
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          for (int t : proposing[i]) {
            postingCount[t]++;
          }
        }
      }
      int[][] postings = new int[vocab][];
      double[][] postingWeights = new double[vocab][];
      for (int t = 0; t < vocab; t++) {
        postings[t] = new int[postingCount[t] <= cap ? postingCount[t] : 0];
        postingWeights[t] = new double[postings[t].length];
      }
      int[] fill = new int[vocab];
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          for (int k = 0; k < proposing[i].length; k++) {
            int t = proposing[i][k];
            if (postings[t].length > 0) {
              postingWeights[t][fill[t]] = proposingWeights[i][k];
              postings[t][fill[t]++] = i;
            }
          }
        }
      }
      // The proposing terms' share of the cosine; pairs below it cannot reach the threshold.
      double minPartial = large ? MIN_PARTIAL_COSINE : 0;
      // Lanes take every lanes-th item, so each gets a fair share of the long early rows; each
      // lane has its own buffers, and the pairs are sorted after, so the result is the same
      // whatever the number of cores.
      int lanes = n < 500 ? 1 : Math.min(8, Runtime.getRuntime().availableProcessors());
      List<PairScores> laneScores =
          java.util.stream.IntStream.range(0, lanes)
              .parallel()
              .mapToObj(
                  lane -> {
                    PairScores out = new PairScores();
                    List<Long> copies = new ArrayList<>();
                    double[] acc = new double[n];
                    boolean[] touched = new boolean[n];
                    int[] touchedList = new int[n];
                    for (int i = lane; i < n; i += lanes) {
                      if (!active[i]) {
                        continue;
                      }
                      int touchedCount = 0;
                      for (int k = 0; k < proposing[i].length; k++) {
                        int t = proposing[i][k];
                        int[] post = postings[t];
                        double[] postW = postingWeights[t];
                        double wi = proposingWeights[i][k];
                        for (int p = 0; p < post.length; p++) {
                          int j = post[p];
                          if (j <= i) {
                            continue;
                          }
                          if (!touched[j]) {
                            touched[j] = true;
                            touchedList[touchedCount++] = j;
                          }
                          acc[j] += wi * postW[p];
                        }
                      }
                      for (int x = 0; x < touchedCount; x++) {
                        int j = touchedList[x];
                        touched[j] = false;
                        double partial = acc[j];
                        acc[j] = 0;
                        if (partial < minPartial) {
                          continue;
                        }
                        double cos = cosine(i, j);
                        double s = similarity(i, j, cos);
                        if (s > 0.02) {
                          out.add(PairScores.key(i, j), s);
                        }
                        if (cos > 0.5 && isCopy(i, j)) {
                          copies.add(PairScores.key(i, j));
                        }
                      }
                    }
                    synchronized (copyPairs) {
                      copyPairs.addAll(copies);
                    }
                    return out;
                  })
              .toList();
      PairScores all = new PairScores();
      for (PairScores lane : laneScores) {
        for (int x = 0; x < lane.size(); x++) {
          all.add(lane.keyAt(x), lane.valueAt(x));
        }
      }
      return all.seal();
    }

    /** Pairs of items found to be copies of one text, by {@link #key}. */
    final List<Long> copyPairs = new ArrayList<>();
  }

  /** Disjoint sets over item indexes; the root of a set is its smallest member. */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
}
