package io.newsflow.ingest.parse;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one raw dump into its article and sidebar briefs. Pure and thread-safe; it never throws
 * for bad input but returns a {@link DumpFailure} with the reason and the whole input.
 *
 * <p>Layout: an optional header block, the article (optionally a title line, then one paragraph per
 * non-blank line: text is not re-flowed), then from the first sidebar heading on, headline / summary
 * pairs. Blank lines only matter for ending the header block, so missing blank lines between a
 * headline and its summary are handled by what the lines look like: a headline is short and has no
 * final full stop; a summary is the sentence-like line after it.
 */
public final class DumpParser {

  /** Version stamped on every event, so reprocessing can tell old output from new. */
  public static final String VERSION = "1";

  /** Longer lines are never taken for a headline or title; real ones stay well below. */
  private static final int MAX_HEADLINE_CHARS = 150;

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
      return fail(dump, FailureClass.NO_CONTENT, "no text: the dump's " + lines.size() + " line(s) are all blank");
    }
    int blockEnd = first;
    while (blockEnd < lines.size() && !lines.get(blockEnd).isEmpty()) {
      blockEnd++;
    }
    List<HeaderField> header = HeaderBlock.parse(lines.subList(first, blockEnd));
    List<String> body = nonBlank(lines, header.isEmpty() ? first : blockEnd);
    if (body.isEmpty()) {
      return fail(dump, FailureClass.NO_CONTENT, "only a header block (" + header.size() + " field(s)), no body text");
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
    List<ParsedBrief> briefs = briefs(body.subList(sidebarStart, body.size()), sections);
    if (article == null && briefs.isEmpty()) {
      return fail(dump, FailureClass.NO_CONTENT, "no article text and no briefs: the body holds only sidebar headings " + sections);
    }
    return new ParsedDump(dump.sourceId(), ItemIds.dumpOfNormalised(body), scanned.utf8Bytes(), header,
        source != null ? source : hostOf(url), url, captured, published, article, sections, briefs);
  }

  /** The article, or null when there is no article text above the sidebar. */
  private static ParsedArticle article(List<String> lines, String headerTitle) {
    int start = 0;
    String title = headerTitle;
    if (title != null) {
      if (!lines.isEmpty() && lines.get(0).equals(title)) {
        start = 1; // the page repeats the header's title as its first line
      }
    } else if (lines.size() >= 2 && looksLikeHeadline(lines.get(0))) {
      title = lines.get(0);
      start = 1;
    }
    return start < lines.size() ? new ParsedArticle(title, lines.subList(start, lines.size())) : null;
  }

  /**
   * Reads headline / summary pairs. After a headline, a line that looks like another headline means
   * the first had no summary; anything else is its summary. After a summary, the next line starts a
   * new brief whatever it looks like, so no line is ever dropped.
   */
  private static List<ParsedBrief> briefs(List<String> lines, List<String> sections) {
    List<ParsedBrief> briefs = new ArrayList<>();
    String section = null;
    String headline = null;
    for (String line : lines) {
      if (SidebarHeadings.isHeading(line)) {
        if (headline != null) {
          briefs.add(new ParsedBrief(section, headline, null));
          headline = null;
        }
        section = line;
        sections.add(line);
      } else if (headline == null) {
        headline = line;
      } else if (looksLikeHeadline(line)) {
        briefs.add(new ParsedBrief(section, headline, null));
        headline = line;
      } else {
        briefs.add(new ParsedBrief(section, headline, line));
        headline = null;
      }
    }
    if (headline != null) {
      briefs.add(new ParsedBrief(section, headline, null));
    }
    return briefs;
  }

  /** Short and not ended by a full stop or ellipsis; question and exclamation marks are allowed. */
  static boolean looksLikeHeadline(String line) {
    if (line.length() > MAX_HEADLINE_CHARS) {
      return false;
    }
    int end = line.length() - 1;
    while (end > 0 && isClosing(line.charAt(end))) {
      end--;
    }
    char last = line.charAt(end);
    return last != '.' && last != '…' && last != '。' && last != '．' && last != ';';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」';
  }

  private static List<String> nonBlank(List<String> lines, int from) {
    List<String> out = new ArrayList<>(lines.size() - from);
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
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
      v = e == null || e.isBlank() ? null : TextNormalizer.line(e);
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
