package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.index.Items;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the third parser that faces the outside, the search query (issue 10, RELIABILITY rows
 * 30-35): generated and mutated editor queries — terms, phrases, field:value, wildcards, fuzzy
 * terms, ranges, boolean operators, unbalanced quotes and parentheses, regular expressions, control
 * characters, huge inputs — go through the real search path ({@link LuceneArticleIndex#search})
 * over a small index on disk. Each one is answered, or refused with one of the typed 400 reasons of
 * {@link GuardedQueryParser}; never another exception. Tries: {@code jqwik.tries.default} (200 in
 * the normal build, see junit-platform.properties; {@code -Djqwik.tries.default=20000} for a long
 * run), from the fixed {@link #SEED}; search elsewhere by changing it. Each failure found is kept
 * under {@code fuzz-regressions/queries/} and replayed by {@link QueryFuzzRegressionsTest}.
 */
class QueryParserFuzzTest {

  /** The 400 reasons a refused query may carry (see GuardedQueryParser and the API's docs). */
  static final Set<String> REASONS =
      Set.of(
          "query-syntax",
          "leading-wildcard",
          "query-too-deep",
          "query-too-long",
          "regex-not-allowed",
          "unknown-field",
          "too-many-clauses",
          "query-too-complex");

  static final String SEED = "20261204";

  private static Path dir;
  private static LuceneArticleIndex index;

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("query-fuzz");
    index = smallIndex(dir);
  }

  @AfterContainer
  static void close() throws IOException {
    index.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(QueryParserFuzzTest::delete);
    }
  }

  /** A few hundred items with overlapping words, so that wildcards and fuzzy terms expand. */
  static LuceneArticleIndex smallIndex(Path dir) throws IOException {
    LuceneArticleIndex index = LuceneArticleIndex.open(dir);
    String[] themes = {"manager-to-ic", "career-framework", "other", "hiring"};
    for (int i = 0; i < 300; i++) {
      index.upsert(
          Items.item(
              "post-" + i,
              "Engineering " + WORDS.get(i % WORDS.size()) + " " + i,
              "Notes on " + WORDS.get((i * 7) % WORDS.size()) + " and management, part " + i + ".",
              themes[i % themes.length],
              "2026-1" + (i % 2) + "-" + String.format("%02d", 1 + i % 28)));
    }
    index.commit();
    return index;
  }

  /** Runs one query the way the API does; fails on anything but an answer or a typed refusal. */
  static void check(LuceneArticleIndex index, String q) {
    try {
      SearchResult result = index.search(SearchRequest.of(q));
      assertThat(result.hits().size()).isLessThanOrEqualTo(SearchRequest.DEFAULT_SIZE);
    } catch (QueryException e) {
      assertThat(e.reason()).as("reason for %s", abbreviate(q)).isIn(REASONS);
      assertThat(e.getMessage()).isNotBlank();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(seed = SEED)
  void editorQuery_isAnsweredOrRefusedWithATypedReason(@ForAll("queries") String q) {
    check(index, q);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, shapes()), Tuple.of(3, mutate(shapes())), Tuple.of(1, huge()));
  }

  static final List<String> WORDS =
      List.of(
          "manager",
          "engineer",
          "career",
          "promotion",
          "ladder",
          "staff",
          "principal",
          "hiring",
          "interview",
          "burnout",
          "remote",
          "équipe",
          "日本語",
          "naïve",
          "co-founder",
          "c++");

  private static final List<String> FIELDS =
      List.of(
          "title",
          "text",
          "source",
          "site",
          "author",
          "theme",
          "primary",
          "kind",
          "lang",
          "published",
          "url",
          "_id",
          "*",
          "",
          "title.raw");

  private static Arbitrary<String> word() {
    return Arbitraries.oneOf(
        Arbitraries.of(WORDS),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6));
  }

  /** One realistic clause: a term, phrase, fielded value, wildcard, fuzzy term, range or regex. */
  private static Arbitrary<String> clause() {
    Arbitrary<String> w = word();
    Arbitrary<String> field = Arbitraries.of(FIELDS);
    return Arbitraries.oneOf(
        w,
        w.list().ofMinSize(1).ofMaxSize(4).map(l -> "\"" + String.join(" ", l) + "\""),
        w.list().ofMinSize(1).ofMaxSize(3).map(l -> "\"" + String.join(" ", l) + "\"~5"),
        Combinators.combine(field, w).as((f, v) -> f + ":" + v),
        Combinators.combine(field, w).as((f, v) -> f + ":\"" + v + "\""),
        w.map(v -> v + "*"),
        w.map(v -> "*" + v),
        w.map(v -> v.charAt(0) + "?" + v.substring(1)),
        w.map(v -> v + "~"),
        Combinators.combine(w, Arbitraries.integers().between(0, 3)).as((v, n) -> v + "~" + n),
        Combinators.combine(
                w, Arbitraries.of("0.5", "-1", "2.5", "1e9", "x", "9".repeat(12), "2.0"))
            .as((v, n) -> v + "~" + n),
        Combinators.combine(w, Arbitraries.of("2", "0", "-3", "1e40", "", "0.0001", "9".repeat(40)))
            .as((v, b) -> v + "^" + b),
        Combinators.combine(field, w, w, Arbitraries.of("[", "{"), Arbitraries.of("]", "}"))
            .as((f, a, b, o, c) -> f + ":" + o + a + " TO " + b + c),
        Arbitraries.of(
            "published:[2026-10-01 TO 2026-11-01]",
            "title:[* TO *]",
            "text:{a TO *}",
            "/man.*r/",
            "title:/[a-z]{2,}/",
            "/(a|b)*c{1,1000}/",
            "*:*",
            "*",
            "?",
            "\\",
            "\\\"",
            "\"",
            "(",
            ")",
            "[",
            "{",
            "~",
            "^",
            ":",
            "&&",
            "||",
            "!",
            "+",
            "-"),
        w.map(v -> "+" + v),
        w.map(v -> "-" + v),
        w.map(v -> "NOT " + v));
  }

  private static Arbitrary<String> shapes() {
    Arbitrary<String> op = Arbitraries.of(" ", " AND ", " OR ", " NOT ", " && ", " || ", " ");
    Arbitrary<String> flat =
        Combinators.combine(clause().list().ofMinSize(1).ofMaxSize(6), op.list().ofSize(6))
            .as(
                (cs, ops) -> {
                  StringBuilder q = new StringBuilder(cs.get(0));
                  for (int i = 1; i < cs.size(); i++) {
                    q.append(ops.get(i)).append(cs.get(i));
                  }
                  return q.toString();
                });
    return Arbitraries.oneOf(
        flat,
        flat.map(q -> "(" + q + ")"),
        Combinators.combine(flat, flat, op).as((a, b, o) -> "(" + a + ")" + o + "(" + b + ")"),
        Combinators.combine(Arbitraries.of(FIELDS), flat).as((f, q) -> f + ":(" + q + ")"),
        Combinators.combine(flat, Arbitraries.integers().between(1, 40))
            .as((q, n) -> "(".repeat(n) + q + ")".repeat(n)),
        Combinators.combine(flat, Arbitraries.integers().between(1, 40))
            .as((q, n) -> "(".repeat(n) + q),
        flat.map(q -> "\"" + q),
        flat.map(q -> q + ")"));
  }

  /** A realistic query damaged: a character inserted, deleted or repeated, or cut short. */
  private static Arbitrary<String> mutate(Arbitrary<String> base) {
    Arbitrary<Character> odd =
        Arbitraries.oneOf(
            Arbitraries.chars().range('\u0000', '\u001f'),
            Arbitraries.of(
                '"', '(', ')', '[', ']', '{', '}', ':', '*', '?', '~', '^', '\\', '/', '+', '-',
                '!', '&', '|', '\u007f', '\u00a0', '\u2028', '\ufeff', '\ud800', '\udfff'),
            Arbitraries.chars());
    return Combinators.combine(
            base, Arbitraries.integers().between(0, 3), Arbitraries.integers(), odd)
        .as(
            (q, how, where, c) -> {
              int at = q.isEmpty() ? 0 : Math.floorMod(where, q.length());
              return switch (how) {
                case 0 -> q.substring(0, at) + c + q.substring(at);
                case 1 -> q.isEmpty() ? q : q.substring(0, at) + q.substring(at + 1);
                case 2 -> q.substring(0, at) + String.valueOf(c).repeat(20) + q.substring(at);
                default -> q.substring(0, at);
              };
            });
  }

  /** Inputs near and past the limits: long terms, many clauses, deep nesting, long wildcards. */
  private static Arbitrary<String> huge() {
    Arbitrary<Integer> n = Arbitraries.integers().between(1, 3000);
    return Arbitraries.oneOf(
        n.map(k -> "a".repeat(k)),
        n.map(k -> "(".repeat(k)),
        n.map(k -> "(".repeat(k / 2) + "x" + ")".repeat(k / 2)),
        n.map(k -> "\\(".repeat(k)),
        n.map(k -> "a*".repeat(Math.max(1, k / 2))),
        n.map(k -> "?".repeat(k) + "a"),
        n.map(k -> "a" + "?".repeat(Math.min(k, 1000))),
        n.map(k -> ("engineer~2 " + "m*r ").repeat(Math.max(1, k / 12))),
        n.map(k -> String.join(" OR ", java.util.Collections.nCopies(Math.max(1, k / 5), "e*"))),
        n.map(k -> "\"" + "manager ".repeat(Math.max(1, k / 8)) + "\"~" + k),
        n.map(k -> "title:" + "x".repeat(k) + "~2"));
  }

  private static String abbreviate(String q) {
    String s = q.length() > 120 ? q.substring(0, 120) + "…(" + q.length() + ")" : q;
    return s.chars()
        .collect(
            StringBuilder::new,
            (b, c) -> {
              if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.append((char) c);
              }
            },
            StringBuilder::append)
        .toString();
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
