package io.newsflow.ingest.parse;

import java.util.Locale;
import java.util.Set;

/** Recognises the heading that starts a page's sidebar of briefs ("Latest news", "Most read", ...). */
final class SidebarHeadings {

    /** Lower-case headings seen on news sites; a line is a heading only when it is exactly one of them. */
    private static final Set<String> HEADINGS = Set.of(
            "latest news",
            "latest",
            "latest stories",
            "latest headlines",
            "news",
            "more news",
            "more stories",
            "more headlines",
            "more from this section",
            "other news",
            "related news",
            "related",
            "related stories",
            "related articles",
            "related content",
            "most read",
            "most popular",
            "most viewed",
            "most shared",
            "popular",
            "top stories",
            "top news",
            "top headlines",
            "headlines",
            "breaking news",
            "read more",
            "read also",
            "also read",
            "see also",
            "recommended",
            "trending",
            "in other news",
            "editor's picks",
            "editors' picks",
            "you may also like",
            "you might also like",
            // Common headings in the non-Latin scripts we ingest.
            "последние новости",
            "другие новости",
            "новости",
            "читайте также",
            "самое читаемое",
            "آخر الأخبار",
            "أخبار ذات صلة",
            "الأكثر قراءة",
            "最新新闻",
            "相关新闻",
            "最新消息",
            "热门新闻",
            "最新ニュース",
            "関連ニュース");

    /** Longest heading above, so long lines are rejected before any lower-casing. */
    private static final int MAX_LENGTH =
            HEADINGS.stream().mapToInt(String::length).max().orElse(0) + 1;

    private SidebarHeadings() {}

    /** True when the normalised line is a sidebar heading, case-insensitively, with or without a colon. */
    static boolean isHeading(String line) {
        if (line.isEmpty() || line.length() > MAX_LENGTH) {
            return false;
        }
        String s = line.endsWith(":") ? line.substring(0, line.length() - 1).stripTrailing() : line;
        return HEADINGS.contains(s.toLowerCase(Locale.ROOT).replace('’', '\''));
    }
}
