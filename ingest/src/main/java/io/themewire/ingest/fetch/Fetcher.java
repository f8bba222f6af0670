package io.themewire.ingest.fetch;

import java.util.Optional;

/**
 * Fetches http(s) URLs within the destination policy, politely and within limits. Never throws for
 * a bad URL or a bad server: every problem is a typed {@link FetchResult.Failed}.
 */
public interface Fetcher extends AutoCloseable {

  /** A fetch that answers {@link FetchResult.NotModified} when the validators still hold. */
  FetchResult fetch(String url, Validators validators);

  /** An unconditional fetch. */
  default FetchResult fetch(String url) {
    return fetch(url, Validators.NONE);
  }

  /**
   * Whether {@code url} may be fetched at all under the destination policy (scheme, resolved
   * addresses), without fetching it: for checking a source when it is added.
   */
  Optional<FetchResult.Failed> refusal(String url);

  @Override
  void close();
}
