package io.themewire.api;

/** A theme as the API describes it: id, label and what it means. */
public record ThemeInfo(String id, String label, String description) {}
