/**
 * HTTP fetching within bounds. Read {@link io.themewire.ingest.fetch.HttpFetcher} and {@link
 * io.themewire.ingest.fetch.FetchLimits}.
 */
package io.themewire.ingest.fetch;
