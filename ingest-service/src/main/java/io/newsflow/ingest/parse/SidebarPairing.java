package io.newsflow.ingest.parse;

import java.util.BitSet;
import java.util.List;

/**
 * Pairs a sidebar's lines into briefs by the sidebar's layout, so that a summary stays with its
 * headline whatever it looks like. The lines under one heading are read in this order of evidence
 * (docs/input-formats.md, "How a sidebar is read", says the same for users):
 *
 * <ol>
 *   <li><b>Paired blocks</b>: when blank lines cut the sidebar into two or more blocks of one or two
 *       lines, and at least one block has two, each block is one brief: headline and summary, or a
 *       headline alone. Content is not looked at (only a one-line block that cannot be a headline,
 *       see below, rules this layout out).
 *   <li>Otherwise the lines are one sequence (one line a block, or no blank lines). A line that
 *       cannot be a headline ({@link LineShape#looksLikeHeadline}: over
 *       {@value LineShape#MAX_HEADLINE_CHARS} characters, or ended by a full stop, ellipsis or
 *       semicolon) must be a summary. <b>Alternating</b>: an even number of lines, at least one
 *       must-be summary, all of them at a summary's place (2nd, 4th, ...): every second line is a
 *       summary, whatever it looks like. Unless a line at a headline's place lists items with
 *       semicolons (results and table lines do), or a line in capitals stands at a summary's place
 *       when the headlines are all in capitals and no must-be summary is (two headlines without
 *       summary in a row). Two such headlines that neither tells apart are read as one brief.
 *   <li><b>Anchored</b>: else each must-be summary is the summary of the line before it (two in a
 *       row, with no free line before the first or only one that reads as a summary itself: the first
 *       is a headline ending like a sentence). The lines left between those briefs are headlines,
 *       each followed by its summary only when the next line reads as one
 *       ({@link LineShape#readsAsSummaryOf}); else it is a headline alone. So a list of headlines
 *       stays a list.
 * </ol>
 *
 * Every line ends up in exactly one brief, as headline or summary, in page order.
 */
final class SidebarPairing {

    private SidebarPairing() {}

    /**
     * Briefs of {@code lines[from, to)}, the lines under one heading; {@code blankBefore} marks the
     * lines (indexes into {@code lines}) that had a blank line before them.
     */
    static void pair(String section, List<String> lines, BitSet blankBefore, int from, int to, List<ParsedBrief> out) {
        if (from >= to) {
            return;
        }
        if (pairedBlocks(lines, blankBefore, from, to)) {
            int i = from;
            while (i < to) {
                boolean two = i + 1 < to && !blankBefore.get(i + 1);
                out.add(new ParsedBrief(section, lines.get(i), two ? lines.get(i + 1) : null));
                i += two ? 2 : 1;
            }
            return;
        }
        int n = to - from;
        boolean[] summary = new boolean[n];
        for (int k = 0; k < n; k++) {
            summary[k] = !LineShape.looksLikeHeadline(lines.get(from + k));
        }
        if (alternates(lines, from, summary)) {
            for (int k = 0; k < n; k += 2) {
                out.add(new ParsedBrief(section, lines.get(from + k), lines.get(from + k + 1)));
            }
            return;
        }
        anchored(section, lines, from, to, summary, out);
    }

    /**
     * An even number of lines, at least one that must be a summary and all of those at a summary's
     * place, and nothing at a headline's place that reads as a summary (semicolons), nor at a summary's
     * place in the sidebar's headline style (capitals, when every headline is in capitals and no
     * must-be summary is).
     */
    private static boolean alternates(List<String> lines, int from, boolean[] summary) {
        int n = summary.length;
        if (n % 2 == 1) {
            return false;
        }
        boolean anySummary = false;
        boolean headlinesInCapitals = true;
        for (int k = 0; k < n; k++) {
            if (summary[k]) {
                if (k % 2 == 0) {
                    return false;
                }
                anySummary = true;
            } else if (k % 2 == 0) {
                String line = lines.get(from + k);
                if (LineShape.listsItems(line)) {
                    return false;
                }
                headlinesInCapitals = headlinesInCapitals && LineShape.isCapitals(line);
            }
        }
        if (!anySummary || !headlinesInCapitals) {
            return anySummary;
        }
        // Headlines all in capitals: a capitals line at a summary's place is one more headline, unless
        // the must-be summaries are in capitals too.
        boolean summaryInCapitals = false;
        boolean capitalsAtSummaryPlace = false;
        for (int k = 1; k < n; k += 2) {
            boolean capitals = LineShape.isCapitals(lines.get(from + k));
            summaryInCapitals |= summary[k] && capitals;
            capitalsAtSummaryPlace |= !summary[k] && capitals;
        }
        return summaryInCapitals || !capitalsAtSummaryPlace;
    }

    /**
     * Two or more blocks, of one or two lines, at least one of two, and no one-line block a line that
     * cannot be a headline (that is an alternating sidebar with a blank line missing). (One block of two lines alone could as well be two headlines: the sequence decides.)
     */
    private static boolean pairedBlocks(List<String> lines, BitSet blankBefore, int from, int to) {
        boolean anyTwo = false;
        int blocks = 0;
        int i = from;
        while (i < to) {
            int end = i + 1;
            while (end < to && !blankBefore.get(end)) {
                end++;
            }
            if (end - i > 2 || end - i == 1 && !LineShape.looksLikeHeadline(lines.get(i))) {
                return false;
            }
            anyTwo |= end - i == 2;
            blocks++;
            i = end;
        }
        return anyTwo && blocks > 1;
    }

    private static void anchored(
            String section, List<String> lines, int from, int to, boolean[] summary, List<ParsedBrief> out) {
        int free = from; // first line not yet in a brief
        for (int i = from; i < to; i++) {
            if (!summary[i - from]) {
                continue;
            }
            if (i + 1 < to
                    && summary[i + 1 - from]
                    && (i == free || i - 1 > free && LineShape.readsAsSummaryOf(lines.get(i - 1), lines.get(i - 2)))) {
                // Two in a row with no headline free before the first: the first is a headline that ends
                // like a sentence ("... MARCH SALES.").
                unanchored(section, lines, free, i, out);
                out.add(new ParsedBrief(section, lines.get(i), lines.get(i + 1)));
                i++;
            } else if (i > free) {
                unanchored(section, lines, free, i - 1, out);
                out.add(new ParsedBrief(section, lines.get(i - 1), lines.get(i)));
            } else {
                // Right after another summary (or first in the sidebar): no headline left for it to follow.
                out.add(new ParsedBrief(section, lines.get(i), null));
            }
            free = i + 1;
        }
        unanchored(section, lines, free, to, out);
    }

    /** Lines that could each be a headline or a summary: headlines, paired only with a line that reads as a summary. */
    private static void unanchored(String section, List<String> lines, int from, int to, List<ParsedBrief> out) {
        int i = from;
        while (i < to) {
            boolean two = i + 1 < to && LineShape.readsAsSummaryOf(lines.get(i + 1), lines.get(i));
            out.add(new ParsedBrief(section, lines.get(i), two ? lines.get(i + 1) : null));
            i += two ? 2 : 1;
        }
    }
}
