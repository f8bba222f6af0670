package io.themewire.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the corpus into folds by site, so that no site has pages on both sides of a split: a rule
 * that only learned one site's template then cannot score on it. Sites are the URL hosts less a
 * leading {@code www.}; they are dealt round-robin in the order of a stable hash, so the folds do
 * not depend on the order of the corpus file.
 */
final class Folds {

  private Folds() {}

  /** The site of each page id. */
  static Map<String, String> sites(Corpus corpus) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : corpus.truth().keySet()) {
      out.put(id, site(corpus.urls().get(id)));
    }
    return out;
  }

  static String site(String url) {
    if (url == null) {
      return "";
    }
    java.util.regex.Matcher m = HOST.matcher(url.strip());
    if (!m.find()) {
      return url.strip();
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static final java.util.regex.Pattern HOST =
      java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)");

  /** The page ids of each of {@code k} folds. */
  static List<List<String>> split(Corpus corpus, int k) {
    Map<String, String> sites = sites(corpus);
    Map<String, List<String>> pagesOfSite = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sites.entrySet()) {
      pagesOfSite.computeIfAbsent(e.getValue(), s -> new ArrayList<>()).add(e.getKey());
    }
    List<String> order = new ArrayList<>(pagesOfSite.keySet());
    order.sort(
        java.util.Comparator.comparingInt((String site) -> mix(site.hashCode()))
            .thenComparing(java.util.Comparator.naturalOrder()));
    List<List<String>> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(new ArrayList<>());
    }
    for (int i = 0; i < order.size(); i++) {
      folds.get(i % k).addAll(pagesOfSite.get(order.get(i)));
    }
    return folds;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
