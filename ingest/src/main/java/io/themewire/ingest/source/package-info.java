/**
 * The ingest stage: one source in, its items out. Read {@link
 * io.themewire.ingest.source.IngestStage}.
 */
package io.themewire.ingest.source;
