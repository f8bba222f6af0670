package io.themewire.ingest.fetch;

/**
 * What the last successful fetch of a URL said about its body, so the next fetch can ask "has it
 * changed?": the {@code ETag} and {@code Last-Modified} headers for a conditional GET, and a hash
 * of the body for servers that ignore conditional requests. Any field may be null.
 */
public record Validators(String etag, String lastModified, String bodyHash) {

  /** Nothing known: an unconditional fetch. */
  public static final Validators NONE = new Validators(null, null, null);
}
