package io.newsflow.ingest.parse;

/**
 * One sidebar item.
 *
 * @param section the sidebar heading it was listed under, as written
 * @param headline the headline
 * @param summary the one-paragraph summary, a line normalised by {@link LineNormalizer}; null when the
 *                sidebar gave only a headline
 */
record ParsedBrief(String section, String headline, String summary) {}
