/**
 * Theme labelling. Read {@link io.themewire.classify.theme.ThemeClassifier} (the port), then {@link
 * io.themewire.classify.theme.CoreNlpThemeClassifier} and {@link
 * io.themewire.classify.theme.ThemeModel}; {@link io.themewire.classify.theme.ClassifyStage} puts
 * it in the pipeline.
 */
package io.themewire.classify.theme;
