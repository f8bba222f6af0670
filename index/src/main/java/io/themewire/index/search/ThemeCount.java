package io.themewire.index.search;

/**
 * How many items carry a theme.
 *
 * @param theme theme id
 * @param primary items whose primary theme it is
 * @param any items that carry it, primary or secondary
 */
public record ThemeCount(String theme, long primary, long any) {}
