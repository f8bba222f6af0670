package io.themewire.index.lucene;

import io.themewire.index.search.QueryException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * User query syntax (classic Lucene) under guards: at most {@value #MAX_QUERY_CHARS} characters,
 * nesting at most {@value #MAX_DEPTH} deep, no leading wildcards, no regular expressions, at most
 * {@value #MAX_CLAUSES} clauses after expansion. Unfielded terms search title (boost 2) and text;
 * terms are AND'ed. A refusal is a {@link QueryException} with a stable reason. Thread-safe (a new
 * Lucene parser per call).
 */
final class GuardedQueryParser {

  static final int MAX_QUERY_CHARS = 1024;
  static final int MAX_DEPTH = 32;
  static final int MAX_CLAUSES = 1024;

  private static final String REGEX_REFUSED = "regular expressions are not supported";

  static {
    IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
  }

  private final Analyzer analyzer;

  GuardedQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Parses user query syntax under the guards; blank means everything. */
  Query parse(String q) {
    if (q.isBlank() || q.strip().equals("*") || q.strip().equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    if (q.length() > MAX_QUERY_CHARS) {
      throw new QueryException(
          "query-too-long",
          "query is " + q.length() + " characters; the limit is " + MAX_QUERY_CHARS);
    }
    int depth = 0;
    int maxDepth = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        maxDepth = Math.max(maxDepth, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    if (maxDepth > MAX_DEPTH) {
      throw new QueryException(
          "query-too-deep",
          "query nests " + maxDepth + " levels of parentheses; the limit is " + MAX_DEPTH);
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
        };
    parser.setAllowLeadingWildcard(false);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(q);
    } catch (ParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
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
    }
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse(s);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
