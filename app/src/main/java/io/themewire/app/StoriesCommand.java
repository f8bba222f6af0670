package io.themewire.app;

import io.themewire.core.json.Json;
import io.themewire.digest.story.ClusterScore;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.digest.story.StoryJsonl;
import io.themewire.digest.story.StoryMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire stories}: story clustering of JSON Lines items. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "Group items into stories. Reads JSON Lines with id, title, text and optionally published,"
          + " source (site), url, kind and discusses; clusters exactly the items given, whatever"
          + " their dates; prints one JSON line per item, in input order: id, story (story id),"
          + " headline, role (source, copy or discussion), copyOf, reason.",
      "With --score LABELS, prints pairwise and B-cubed precision, recall and F1 against the"
          + " labelled groups instead (TSV: item id or URL, tab, group label; a header line is"
          + " allowed).",
      "A malformed line gets a one-line reason on stderr and is skipped; the exit status is then 2."
    })
final class StoriesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "JSON Lines file, or - for standard input (the default).")
  Path file;

  @Option(
      names = "--score",
      paramLabel = "LABELS",
      description = "Score the clustering against this TSV of labelled groups.")
  Path labels;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> gold = labels == null ? null : readLabels(labels);
    List<StoryItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int bad = 0;
    try (BufferedReader in = Inputs.reader(file, System.in)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          StoryItem item = StoryJsonl.item(Json.mapper().readTree(line), String.valueOf(n));
          if (!ids.add(item.id())) {
            throw new StoryJsonl.BadItemException("id " + item.id() + " seen before");
          }
          items.add(item);
        } catch (IOException e) {
          err.println("themewire: line " + n + ": not JSON");
          bad++;
        } catch (StoryJsonl.BadItemException e) {
          err.println("themewire: line " + n + ": " + e.getMessage());
          bad++;
        }
      }
    }
    List<Story> stories = StoryClusterer.standard().cluster(items);
    Map<String, Story> storyOf = new HashMap<>();
    Map<String, StoryMember> memberOf = new HashMap<>();
    for (Story s : stories) {
      for (StoryMember m : s.members()) {
        storyOf.put(m.item().id(), s);
        memberOf.put(m.item().id(), m);
      }
    }
    if (gold != null) {
      Map<String, String> predicted = new HashMap<>();
      Map<String, String> goldById = new HashMap<>();
      for (StoryItem it : items) {
        predicted.put(it.id(), storyOf.get(it.id()).id());
        String label = gold.get(it.id());
        if (label == null && it.url() != null) {
          label = gold.get(it.url());
        }
        if (label != null) {
          goldById.put(it.id(), label);
        }
      }
      if (goldById.isEmpty()) {
        throw new UserInputException("no item of the input is in " + labels);
      }
      ClusterScore score = ClusterScore.of(goldById, predicted);
      out.printf(
          "%d items, %d labelled, %d stories (%d labelled groups)%n",
          items.size(), score.items(), stories.size(), new HashSet<>(goldById.values()).size());
      out.println(score);
    } else {
      for (StoryItem it : items) {
        Story s = storyOf.get(it.id());
        StoryMember m = memberOf.get(it.id());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", it.id());
        row.put("story", s.id());
        row.put("headline", s.headline());
        row.put("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
        if (m.copyOf() != null) {
          row.put("copyOf", m.copyOf());
        }
        row.put("reason", s.reason());
        out.println(Json.write(row));
      }
    }
    out.flush();
    err.flush();
    return bad == 0 ? 0 : 2;
  }

  /** Labels TSV: key (id or URL), tab, group; blank lines, {@code #} comments, a header skipped. */
  static Map<String, String> readLabels(Path path) throws IOException {
    Inputs.requireFiles(List.of(path));
    Map<String, String> out = new LinkedHashMap<>();
    int n = 0;
    boolean first = true;
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      boolean header = first;
      first = false;
      String[] cols = line.split("\t");
      if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
        throw new UserInputException(
            path + ": line " + n + ": expected 'item<TAB>group', got '" + abbreviate(line) + "'");
      }
      if (header && (cols[0].equals("id") || cols[0].equals("key"))) {
        continue;
      }
      out.put(cols[0].strip(), cols[1].strip());
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
