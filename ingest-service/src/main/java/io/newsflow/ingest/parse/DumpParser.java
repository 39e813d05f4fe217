package io.newsflow.ingest.parse;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits one raw dump into its article and sidebar briefs. Pure and thread-safe; it never throws
 * for bad input but returns a {@link DumpFailure} with the reason and the whole input.
 *
 * <p>Layout: an optional header block, the article (optionally a title line, then one paragraph per
 * non-blank line: text is not re-flowed), then from the first sidebar heading on, headline / summary
 * pairs. Blank lines end the header block and tell a sidebar's layout: {@link SidebarPairing} pairs
 * headlines and summaries by it, and looks at what a line looks like only where the layout leaves a
 * choice.
 */
public final class DumpParser {

    /** Version stamped on every event, so reprocessing can tell old output from new. 2: sidebars paired by layout. */
    public static final String VERSION = "2";

    public ParseOutcome parse(RawDump dump) {
        String text = dump.text();
        if (text.isEmpty()) {
            return fail(dump, FailureClass.NO_CONTENT, "empty dump: no text at all");
        }
        DumpLines scanned = DumpLines.of(text, dump.latin1());
        String binary = scanned.controls() == 0 ? null : TextCheck.binaryReason(text);
        if (binary != null) {
            return fail(dump, FailureClass.NOT_TEXT, binary);
        }
        List<String> lines = scanned.lines();
        int first = 0;
        while (first < lines.size() && lines.get(first).isEmpty()) {
            first++;
        }
        if (first == lines.size()) {
            return fail(
                    dump, FailureClass.NO_CONTENT, "no text: the dump's " + lines.size() + " line(s) are all blank");
        }
        int blockEnd = first;
        while (blockEnd < lines.size() && !lines.get(blockEnd).isEmpty()) {
            blockEnd++;
        }
        List<HeaderField> header = HeaderBlock.parse(lines.subList(first, blockEnd));
        BitSet blankBefore = new BitSet();
        List<String> body = nonBlank(lines, header.isEmpty() ? first : blockEnd, blankBefore);
        if (body.isEmpty()) {
            return fail(
                    dump,
                    FailureClass.NO_CONTENT,
                    "only a header block (" + header.size() + " field(s)), no body text");
        }

        String url = headerValue(header, dump, HeaderBlock.URL);
        String source = headerValue(header, dump, HeaderBlock.SOURCE);
        String capturedValue = headerValue(header, dump, HeaderBlock.CAPTURED);
        String publishedValue = headerValue(header, dump, HeaderBlock.PUBLISHED);
        Instant captured;
        Instant published;
        try {
            captured = capturedValue == null ? dump.fallbackCapturedAt() : Timestamps.parse(capturedValue);
        } catch (DateTimeParseException e) {
            return fail(dump, FailureClass.BAD_TIMESTAMP, invalidTime(HeaderBlock.CAPTURED, capturedValue));
        }
        try {
            published = publishedValue == null ? null : Timestamps.parse(publishedValue);
        } catch (DateTimeParseException e) {
            return fail(dump, FailureClass.BAD_TIMESTAMP, invalidTime(HeaderBlock.PUBLISHED, publishedValue));
        }

        int sidebarStart = 0;
        while (sidebarStart < body.size() && !SidebarHeadings.isHeading(body.get(sidebarStart))) {
            sidebarStart++;
        }
        ParsedArticle article = article(body.subList(0, sidebarStart), headerValue(header, dump, HeaderBlock.TITLE));
        List<String> sections = new ArrayList<>();
        List<ParsedBrief> briefs = briefs(body, blankBefore, sidebarStart, sections);
        if (article == null && briefs.isEmpty()) {
            return fail(
                    dump,
                    FailureClass.NO_CONTENT,
                    "no article text and no briefs: the body holds only sidebar headings " + sections);
        }
        return new ParsedDump(
                dump.sourceId(),
                ItemIds.dumpOfNormalised(body),
                scanned.utf8Bytes(),
                header,
                source != null ? source : hostOf(url),
                url,
                captured,
                published,
                article,
                sections,
                briefs);
    }

    /**
     * The article, or null when there is no article text above the sidebar. Without a title from the
     * header, the first line is the title when it looks like a headline and the next line does not
     * look like one too, or reads as a paragraph under it ({@link LineShape#readsAsSummaryOf}): two
     * short lines in a row are more often a table's rows than a title and a row.
     */
    private static ParsedArticle article(List<String> lines, String headerTitle) {
        int start = 0;
        String title = headerTitle;
        if (title != null) {
            if (!lines.isEmpty() && lines.get(0).equals(title)) {
                start = 1; // the page repeats the header's title as its first line
            }
        } else if (lines.size() >= 2
                && LineShape.looksLikeHeadline(lines.get(0))
                && (!LineShape.looksLikeHeadline(lines.get(1))
                        || LineShape.readsAsSummaryOf(lines.get(1), lines.get(0)))) {
            title = lines.get(0);
            start = 1;
        }
        return start < lines.size() ? new ParsedArticle(title, lines.subList(start, lines.size())) : null;
    }

    /** The briefs from {@code body[from]} on, which is a sidebar heading; each heading starts a section. */
    private static List<ParsedBrief> briefs(List<String> body, BitSet blankBefore, int from, List<String> sections) {
        List<ParsedBrief> briefs = new ArrayList<>();
        String section = null;
        int start = from;
        for (int i = from; i < body.size(); i++) {
            if (SidebarHeadings.isHeading(body.get(i))) {
                SidebarPairing.pair(section, body, blankBefore, start, i, briefs);
                section = body.get(i);
                sections.add(section);
                start = i + 1;
            }
        }
        SidebarPairing.pair(section, body, blankBefore, start, body.size(), briefs);
        return briefs;
    }

    /** The non-blank lines from {@code from} on; marks in {@code blankBefore} those that had a blank line before them. */
    private static List<String> nonBlank(List<String> lines, int from, BitSet blankBefore) {
        List<String> out = new ArrayList<>(lines.size() - from);
        boolean blank = false;
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                blank = true;
            } else {
                if (blank) {
                    blankBefore.set(out.size());
                    blank = false;
                }
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /** A header field from the text, else the same field from the envelope the dump came in. */
    private static String headerValue(List<HeaderField> header, RawDump dump, String key) {
        String v = HeaderBlock.value(header, key);
        if (v == null) {
            String e = dump.envelope().get(key);
            v = e == null || e.isBlank() ? null : LineNormalizer.line(e);
        }
        return v;
    }

    private static String invalidTime(String key, String value) {
        return "invalid " + key + ": time '" + value + "' (expected ISO-8601, e.g. 2017-04-07T10:15:30Z)";
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null; // not a URL we can read a host from; the url field still carries it as written
        }
    }

    private static DumpFailure fail(RawDump dump, FailureClass failureClass, String reason) {
        return DumpFailure.of(dump.sourceId(), failureClass, reason, dump.text());
    }
}
