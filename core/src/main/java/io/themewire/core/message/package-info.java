/**
 * The messages that flow between stages: {@link io.themewire.core.message.RawItem} out of ingest,
 * {@link io.themewire.core.message.ClassifiedItem} out of classify, and {@link
 * io.themewire.core.message.DeadLetter} for whatever a stage could not handle. Ids and URLs are
 * value types ({@link io.themewire.core.message.ItemId}, {@link
 * io.themewire.core.message.CanonicalUrl}). Read {@code RawItem} first.
 */
package io.themewire.core.message;
