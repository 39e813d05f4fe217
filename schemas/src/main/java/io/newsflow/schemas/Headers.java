package io.newsflow.schemas;

/**
 * The Kafka record headers of the public contract, named once (as {@link Topics} names the topics).
 * The ingest service puts them on every record of news.articles and news.briefs (the source when it
 * is known), as UTF-8 text.
 */
public final class Headers {
    /** The source (site or feed) the item was scraped from. */
    public static final String SOURCE = "newsflow.source";
    /** The id of the dump the item came in: every item of one dump carries the same. */
    public static final String DUMP_ID = "newsflow.dump.id";
    /** The version of the parser that read the dump, as a decimal number. */
    public static final String PARSER_VERSION = "newsflow.parser.version";

    private Headers() {}
}
