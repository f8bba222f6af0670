/**
 * CoreNLP annotation: {@link io.themewire.classify.nlp.CoreNlpAnnotator} turns text into {@link
 * io.themewire.classify.nlp.Sentence}s of {@link io.themewire.classify.nlp.Token}s.
 */
package io.themewire.classify.nlp;
