/**
 * Sitemaps: article URLs of sites without feeds. Read {@link
 * io.themewire.ingest.sitemap.SitemapReader}; the ingest stage fetches the newest entries.
 */
package io.themewire.ingest.sitemap;
