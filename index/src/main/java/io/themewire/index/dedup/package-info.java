/**
 * Near-duplicate detection: {@link io.themewire.index.dedup.SimHash} fingerprints, which the index
 * uses to keep a syndicated story as one item that was also published elsewhere.
 */
package io.themewire.index.dedup;
