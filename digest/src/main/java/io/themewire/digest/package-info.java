/**
 * The daily briefing: story clustering across sources and extractive summaries with citations. Not
 * built yet; the module exists so the build and the module table are complete.
 */
package io.themewire.digest;
