package io.themewire.index.lucene;

import io.themewire.index.search.QueryException;
import io.themewire.index.search.QueryLimits;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * User query syntax (classic Lucene) under the guards of {@link QueryLimits}: at most {@code
 * maxQueryChars} characters (default {@value #MAX_QUERY_CHARS}), nesting at most {@code maxDepth}
 * deep (default {@value #MAX_DEPTH}), no leading wildcards, no regular expressions, at most {@value
 * #MAX_CLAUSES} clauses after expansion (Lucene's clause cap is one per JVM), only the fields of
 * {@link IndexSchema#QUERY_FIELDS} named, boosts at most {@value #MAX_BOOST} (nested ones
 * multiplied). Unfielded terms search title (boost 2) and text; terms are AND'ed. A refusal is a
 * {@link QueryException} with a stable reason. Thread-safe (a new Lucene parser per call).
 */
final class GuardedQueryParser {

  static final int MAX_QUERY_CHARS = QueryLimits.DEFAULT_MAX_QUERY_CHARS;
  static final int MAX_DEPTH = QueryLimits.DEFAULT_MAX_DEPTH;
  static final int MAX_CLAUSES = QueryLimits.DEFAULT_MAX_CLAUSES;

  /** The largest boost a query may give, nested boosts multiplied (the title's 2 included). */
  static final float MAX_BOOST = 10_000f;

  private static final String REGEX_REFUSED = "regular expressions are not supported";
  private static final String UNKNOWN_FIELD = "unknown field";

  static {
    IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
  }

  private final Analyzer analyzer;
  private final int maxQueryChars;
  private final int maxDepth;

  GuardedQueryParser(Analyzer analyzer) {
    this(analyzer, QueryLimits.DEFAULTS);
  }

  GuardedQueryParser(Analyzer analyzer, QueryLimits limits) {
    this.analyzer = analyzer;
    this.maxQueryChars = limits.maxQueryChars();
    this.maxDepth = limits.maxDepth();
  }

  /** Parses user query syntax under the guards; blank means everything. */
  Query parse(String q) {
    if (q.isBlank() || q.strip().equals("*") || q.strip().equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    if (deepest > maxDepth) {
      throw new QueryException(
          "query-too-deep",
          "query nests " + deepest + " levels of parentheses; the limit is " + maxDepth);
    }
    // After the depth scan (a linear pre-scan), so that a wall of '(' says what it is.
    if (q.length() > maxQueryChars) {
      throw new QueryException(
          "query-too-long",
          "query is " + q.length() + " characters; the limit is " + maxQueryChars);
    }
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            new String[] {IndexSchema.TITLE, IndexSchema.TEXT},
            analyzer,
            Map.of(IndexSchema.TITLE, 2f, IndexSchema.TEXT, 1f)) {
          @Override
          protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException(REGEX_REFUSED);
          }

          @Override
          protected Query getFieldQuery(String field, String queryText, boolean quoted)
              throws ParseException {
            return super.getFieldQuery(known(field), queryText, quoted);
          }

          @Override
          protected Query getFieldQuery(String field, String queryText, int slop)
              throws ParseException {
            return super.getFieldQuery(known(field), queryText, slop);
          }

          @Override
          protected Query getRangeQuery(
              String field,
              String part1,
              String part2,
              boolean startInclusive,
              boolean endInclusive)
              throws ParseException {
            return super.getRangeQuery(known(field), part1, part2, startInclusive, endInclusive);
          }

          @Override
          protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(known(field), termStr);
          }

          @Override
          protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(known(field), termStr);
          }

          @Override
          protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
              throws ParseException {
            return super.getFuzzyQuery(known(field), termStr, minSimilarity);
          }
        };
    parser.setAllowLeadingWildcard(false);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      Query parsed = parser.parse(q);
      checkBoosts(parsed, 1f);
      return parsed;
    } catch (ParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      int unknown = msg.indexOf(UNKNOWN_FIELD);
      if (unknown >= 0) {
        throw new QueryException(
            "unknown-field",
            firstLine(msg.substring(unknown))
                + "; fields are "
                + String.join(", ", new TreeSet<>(IndexSchema.QUERY_FIELDS)));
      }
      if (msg.contains(REGEX_REFUSED)) {
        throw new QueryException(
            "regex-not-allowed", "regular expressions (/.../) are not supported in queries");
      }
      if (msg.contains("not allowed as first character")) {
        throw new QueryException("leading-wildcard", "a term may not start with * or ?");
      }
      throw new QueryException("query-syntax", "cannot parse query: " + firstLine(msg));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(
          "too-many-clauses", "the query has more than " + MAX_CLAUSES + " clauses");
    } catch (TooComplexToDeterminizeException e) {
      throw new QueryException(
          "query-too-complex", "a wildcard or fuzzy term in the query is too complex");
    } catch (IllegalArgumentException e) {
      // Lucene's own checks of what the syntax allows, e.g. a boost that overflows to infinity
      // (term^99999999999999999999999999999999999999999): found by QueryParserFuzzTest.
      throw new QueryException(
          "query-syntax", "cannot parse query: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Refuses boosts that multiply, along any path of the query, past {@value #MAX_BOOST}: scores
   * near the float range turn infinite or NaN when clauses add up, and Lucene's collectors assume
   * finite scores (found by a long run of QueryParserFuzzTest: {@code AAAA* OR x^9999…9}, 38
   * nines).
   */
  private static void checkBoosts(Query query, float boost) {
    if (query instanceof BoostQuery b) {
      float product = boost * b.getBoost();
      if (!(product <= MAX_BOOST)) {
        throw new QueryException(
            "query-syntax",
            "a boost (^N) may be at most " + (int) MAX_BOOST + ", nested ones multiplied");
      }
      checkBoosts(b.getQuery(), product);
    } else if (query instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        checkBoosts(c.getQuery(), boost);
      }
    } else if (query instanceof DisjunctionMaxQuery d) {
      for (Query q : d.getDisjuncts()) {
        checkBoosts(q, boost);
      }
    }
  }

  /** {@code field} when users may name it (null: the default fields), else a parse error. */
  private static String known(String field) throws ParseException {
    if (field == null || field.equals("*") || IndexSchema.QUERY_FIELDS.contains(field)) {
      return field;
    }
    throw new ParseException(UNKNOWN_FIELD + " '" + field + "'");
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse(s);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
