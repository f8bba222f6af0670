/** Progress reporting for long work; see {@link io.themewire.core.progress.Progress}. */
package io.themewire.core.progress;
