package io.themewire.classify.nlp;

import java.util.List;

/**
 * The dependency parse of one {@link Sentence} (Universal Dependencies, CoreNLP's neural parser):
 * for each token its head and the relation to it.
 *
 * @param heads index of each token's head in the sentence's tokens, -1 for the root
 * @param relations the relation of each token to its head ({@code nsubj}, {@code obl}, {@code
 *     case}, {@code compound:prt}, ...)
 */
public record Dependencies(int[] heads, String[] relations) {

  public Dependencies {
    if (heads.length != relations.length) {
      throw new IllegalArgumentException(heads.length + " heads but " + relations.length);
    }
  }

  public int size() {
    return heads.length;
  }

  public int head(int i) {
    return heads[i];
  }

  public String relation(int i) {
    return relations[i];
  }

  /** The relation without its subtype: {@code obl:tmod} reads {@code obl}. */
  public String base(int i) {
    String r = relations[i];
    int colon = r.indexOf(':');
    return colon < 0 ? r : r.substring(0, colon);
  }

  /** The tokens whose head is {@code i}, left to right. */
  public List<Integer> children(int i) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int k = 0; k < heads.length; k++) {
      if (heads[k] == i) {
        out.add(k);
      }
    }
    return out;
  }
}
