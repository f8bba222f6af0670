package io.themewire.ingest.extract;

/**
 * {@code <![CDATA[} in HTML outside SVG and MathML. Browsers read it as a bogus comment that ends
 * at the next {@code >}; jsoup reads a CDATA section up to {@code ]]>}, which may be the rest of
 * the page, markup and scripts included, as text. The marker is broken ({@code <!-[CDATA[}) before
 * parsing, so jsoup too sees a bogus comment and the page after it parses as a browser would parse
 * it. Inside scripts and styles (where {@code //<![CDATA[} is common) nothing changes that the
 * extractor keeps. Found by a long run of {@code ParserFuzzTest} ({@code
 * pages/cdata-in-body.html}).
 */
final class CdataMarkers {

  private static final String MARKER = "<![CDATA[";

  private CdataMarkers() {}

  static String neutralise(String html) {
    return html.contains(MARKER) ? html.replace(MARKER, "<!-[CDATA[") : html;
  }

  /** The same over bytes of an ASCII-compatible encoding (UTF-8, the ISO-8859 and Windows sets). */
  static byte[] neutralise(byte[] html) {
    byte[] out = null;
    for (int i = 0; i + MARKER.length() <= html.length; i++) {
      if (html[i] == '<' && startsWith(html, i)) {
        if (out == null) {
          out = html.clone();
        }
        out[i + 2] = '-';
      }
    }
    return out == null ? html : out;
  }

  private static boolean startsWith(byte[] b, int at) {
    for (int k = 0; k < MARKER.length(); k++) {
      if (b[at + k] != MARKER.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
