package io.newsflow.ingest.parse;

import java.util.List;

/**
 * The article of a dump: its title (null when the dump has none) and body paragraphs in order, each
 * a line normalised by {@link LineNormalizer} ({@link DumpEvents} hashes them as they are).
 */
record ParsedArticle(String title, List<String> paragraphs) {

    public ParsedArticle {
        paragraphs = List.copyOf(paragraphs);
    }
}
