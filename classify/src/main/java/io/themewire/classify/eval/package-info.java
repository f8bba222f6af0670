/** Scoring a classifier against labelled data: {@link io.themewire.classify.eval.Evaluation}. */
package io.themewire.classify.eval;
