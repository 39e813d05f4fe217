package io.newsflow.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * A dump split into its parts. Positions follow the contract: the article is 0, the briefs 1..n
 * in sidebar order (also when there is no article).
 *
 * @param sourceId where the dump came from
 * @param dumpId deterministic id over the normalised body text, see {@link ItemIds#dump}
 * @param textBytes size of the dump's whole text in UTF-8 (header block and blank lines included)
 * @param header the header block's fields in order (empty when the dump has none)
 * @param source site or feed name: Source: header, else the URL's host, else null
 * @param url page URL, or null
 * @param capturedAt Captured: header, else the envelope's, else the fallback time
 * @param publishedAt Published: header, or null
 * @param article the article, or null when the dump is only a sidebar
 * @param sections every sidebar heading in order, as written, including ones with no briefs
 * @param briefs the briefs in sidebar order
 */
public record ParsedDump(
        String sourceId,
        String dumpId,
        long textBytes,
        List<HeaderField> header,
        String source,
        String url,
        Instant capturedAt,
        Instant publishedAt,
        ParsedArticle article,
        List<String> sections,
        List<ParsedBrief> briefs)
        implements ParseOutcome {

    public ParsedDump {
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        briefs = List.copyOf(briefs);
    }
}
