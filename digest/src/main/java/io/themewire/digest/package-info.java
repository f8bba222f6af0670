/**
 * The daily briefing. So far: {@link io.themewire.digest.DayWindow}, which day an item belongs to
 * in the briefing's time zone. Story clustering, extractive summaries with citations and rendering
 * come with the digest issue.
 */
package io.themewire.digest;
