/**
 * When to poll each configured source again, and how each source is doing. Read {@link
 * io.themewire.ingest.schedule.PollSchedule} first: it keeps one {@link
 * io.themewire.ingest.schedule.SourceHealth} per {@link io.themewire.ingest.schedule.SourceConfig},
 * answers which sources are due, backs off from failing ones, and survives restarts as one JSON
 * file.
 */
package io.themewire.ingest.schedule;
