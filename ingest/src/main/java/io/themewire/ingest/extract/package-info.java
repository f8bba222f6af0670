/**
 * Article extraction: main content and metadata out of a web page. Read {@link
 * io.themewire.ingest.extract.ArticleExtractor}; {@link io.themewire.ingest.extract.HtmlText} turns
 * any HTML into paragraphs of plain text.
 */
package io.themewire.ingest.extract;
