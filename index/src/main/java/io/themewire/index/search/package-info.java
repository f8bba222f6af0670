/**
 * The search contract: requests, hits, results and refusals. Read {@link
 * io.themewire.index.search.SearchRequest}.
 */
package io.themewire.index.search;
