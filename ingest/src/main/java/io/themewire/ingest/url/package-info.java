/**
 * Canonical URLs: one document, one URL, one id. Read {@link
 * io.themewire.ingest.url.UrlCanonicalizer}.
 */
package io.themewire.ingest.url;
