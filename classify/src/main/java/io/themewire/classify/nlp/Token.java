package io.themewire.classify.nlp;

/**
 * One token as CoreNLP saw it.
 *
 * @param word the text as written
 * @param lemma its lemma, lower case
 * @param pos Penn Treebank part-of-speech tag
 * @param begin character offset in the annotated text, inclusive
 * @param end character offset, exclusive
 */
public record Token(String word, String lemma, String pos, int begin, int end) {}
