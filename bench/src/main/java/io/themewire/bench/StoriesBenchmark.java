package io.themewire.bench;

import io.themewire.core.message.SourceKind;
import io.themewire.core.progress.Progress;
import io.themewire.digest.story.ClusterScore;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.digest.story.StoryMember;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Story clustering of {@value #ITEMS} generated items of one day against a bare baseline measured
 * in the same rounds: tokenising every item's title and text and counting its terms, the first step
 * of any text clusterer. Items come from a seeded generator (the same every run): events of 1 to 12
 * reports on 60 topics, each event with its own names, numbers and place; a Zipf-like common
 * vocabulary; 8% syndicated copies and 4% discussion threads. The generator's events are the
 * labels, so the run also prints pairwise and B-cubed F1 as a sanity check (generated text is
 * easier than news; quality figures come from the labelled sets, not from here).
 */
final class StoriesBenchmark {

  static final int ITEMS = 10_000;
  private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private StoriesBenchmark() {}

  /** Generated items with the event each belongs to. */
  record Generated(List<StoryItem> items, Map<String, String> events) {}

  static void run(int n, int rounds, PrintWriter out, Progress progress) {
    Generated g = generate(n, 8);
    StoryClusterer clusterer = StoryClusterer.standard();
    long[] clusterNs = new long[rounds - 1];
    long[] bareNs = new long[rounds - 1];
    List<Story> stories = List.of();
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += bare(g.items());
      long t1 = System.nanoTime();
      stories = clusterer.cluster(g.items());
      long t2 = System.nanoTime();
      if (r > 0) {
        bareNs[r - 1] = t1 - t0;
        clusterNs[r - 1] = t2 - t1;
      }
      progress.update(r + 1, rounds);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    Map<String, String> predicted = new HashMap<>();
    int copies = 0;
    int discussions = 0;
    for (Story s : stories) {
      for (StoryMember m : s.members()) {
        predicted.put(m.item().id(), s.id());
        copies += m.role() == io.themewire.digest.story.MemberRole.COPY ? 1 : 0;
        discussions += m.role() == io.themewire.digest.story.MemberRole.DISCUSSION ? 1 : 0;
      }
    }
    ClusterScore score = ClusterScore.of(g.events(), predicted);
    double cluster = median(clusterNs) / 1e9;
    double bareS = median(bareNs) / 1e9;
    out.printf(
        Locale.ROOT,
        "## Stories: %d generated items of one day, %d cores, %d timed rounds (median)%n%n",
        n,
        Runtime.getRuntime().availableProcessors(),
        rounds - 1);
    out.println("| step | seconds | items/s | vs bare |");
    out.println("| --- | ---: | ---: | ---: |");
    out.printf(
        Locale.ROOT, "| bare tokenising + term counts | %.3f | %.0f | 1.0x |%n", bareS, n / bareS);
    out.printf(
        Locale.ROOT,
        "| StoryClusterer.standard() | %.3f | %.0f | %.1fx |%n%n",
        cluster,
        n / cluster,
        cluster / bareS);
    out.printf(
        Locale.ROOT,
        "%d stories (%d generated events), %d copies, %d discussions; heap after GC %d MB;"
            + " pairwise F1 %.3f, B-cubed F1 %.3f (generated labels)%n",
        stories.size(),
        g.events().values().stream().distinct().count(),
        copies,
        discussions,
        heapMb,
        score.pairwise().f1(),
        score.bcubed().f1());
    if (sink == 42) {
      out.println();
    }
  }

  /** The bare baseline: split every title and text into lower-case words and count them. */
  static long bare(List<StoryItem> items) {
    long total = 0;
    for (StoryItem it : items) {
      Map<String, Integer> tf = new HashMap<>();
      Matcher m = WORD.matcher(it.title() + "\n" + it.text());
      while (m.find()) {
        tf.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      total += tf.size();
    }
    return total;
  }

  private static double median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  static Generated generate(int n, long seed) {
    Random rnd = new Random(seed);
    List<String> common = words(rnd, 3000, false);
    List<List<String>> topics = new ArrayList<>();
    for (int t = 0; t < 60; t++) {
      topics.add(words(rnd, 80, false));
    }
    List<String> sites = new ArrayList<>();
    for (int s = 0; s < 300; s++) {
      sites.add(word(rnd, false) + ".example");
    }
    List<StoryItem> items = new ArrayList<>(n);
    Map<String, String> events = new HashMap<>();
    int event = 0;
    while (items.size() < n) {
      event++;
      String ev = "e" + event;
      List<String> topic = topics.get(rnd.nextInt(topics.size()));
      List<String> names = words(rnd, 4, true);
      String number = String.valueOf(10 + rnd.nextInt(5000));
      int size = Math.min(12, 1 + (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 2.0));
      long base = rnd.nextInt(86_400 - 7200);
      List<StoryItem> ofEvent = new ArrayList<>();
      for (int k = 0; k < size && items.size() < n; k++) {
        String id = "g" + items.size();
        String site = sites.get(rnd.nextInt(sites.size()));
        Instant at = DAY.plusSeconds(base + rnd.nextInt(7200));
        String url = "https://" + site + "/" + id;
        StoryItem item;
        double roll = rnd.nextDouble();
        if (!ofEvent.isEmpty() && roll < 0.08) {
          StoryItem src = ofEvent.get(rnd.nextInt(ofEvent.size()));
          item = new StoryItem(id, src.title(), src.text(), at, site, url, SourceKind.FEED, null);
        } else if (!ofEvent.isEmpty() && roll < 0.12) {
          StoryItem src = ofEvent.get(0);
          item =
              new StoryItem(
                  id,
                  src.title(),
                  sentence(rnd, common, topic, names, number, 15),
                  at,
                  "forum.example",
                  "https://forum.example/item?id=" + id,
                  SourceKind.DISCUSSION,
                  src.url());
        } else {
          StringBuilder text = new StringBuilder();
          int sentences = 8 + rnd.nextInt(10);
          for (int s = 0; s < sentences; s++) {
            text.append(sentence(rnd, common, topic, names, number, 12 + rnd.nextInt(9)))
                .append(' ');
          }
          String title = sentence(rnd, common, topic, names, number, 6 + rnd.nextInt(5));
          item =
              new StoryItem(
                  id,
                  title.substring(0, title.length() - 1),
                  text.toString().strip(),
                  at,
                  site,
                  url,
                  SourceKind.FEED,
                  null);
        }
        ofEvent.add(item);
        items.add(item);
        events.put(id, ev);
      }
    }
    return new Generated(items, events);
  }

  private static String sentence(
      Random rnd,
      List<String> common,
      List<String> topic,
      List<String> names,
      String number,
      int len) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      double r = rnd.nextDouble();
      String w;
      if (r < 0.62) {
        // Zipf-like: low ranks far more often.
        int rank = (int) Math.floor(Math.pow(common.size(), rnd.nextDouble())) - 1;
        w = common.get(Math.max(0, rank));
      } else if (r < 0.87) {
        w = topic.get(rnd.nextInt(topic.size()));
      } else if (r < 0.98) {
        w = names.get(rnd.nextInt(names.size()));
      } else {
        w = number;
      }
      if (i == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      b.append(i == 0 ? "" : " ").append(w);
    }
    return b.append('.').toString();
  }

  private static List<String> words(Random rnd, int count, boolean capitalised) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(word(rnd, capitalised));
    }
    return out;
  }

  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "dri", "es", "fu", "gal", "hem", "is", "jo",
    "ku", "lin", "mar", "nok", "ol", "pra", "qui", "ros", "sten", "tu", "ur", "vo", "wen", "xi",
    "yar", "zed", "bel", "cor", "dan", "el"
  };

  private static String word(Random rnd, boolean capitalised) {
    StringBuilder b = new StringBuilder();
    int syllables = 2 + rnd.nextInt(3);
    for (int i = 0; i < syllables; i++) {
      b.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    String w = b.toString();
    return capitalised ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
  }
}
