/**
 * The daily briefing: stories of a day ({@link io.themewire.digest.story}) summarized with a
 * citation after every sentence, grouped by theme, ranked, marked new or continuing, and written as
 * Markdown, email-safe HTML, JSON or an Atom feed. Read {@link
 * io.themewire.digest.briefing.Briefings} first (the front door), then {@link
 * io.themewire.digest.briefing.BriefingBuilder} (ranking) and {@link
 * io.themewire.digest.briefing.ExtractiveSummarizer} (sentences and citations); {@link
 * io.themewire.digest.briefing.BriefingArchive} keeps what was delivered and {@link
 * io.themewire.digest.briefing.DailyBriefingJob} delivers it on a {@link
 * io.themewire.digest.briefing.BriefingSchedule}.
 */
package io.themewire.digest.briefing;
