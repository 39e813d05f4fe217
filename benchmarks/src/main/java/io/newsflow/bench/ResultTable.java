package io.newsflow.bench;

import java.util.ArrayList;
import java.util.List;

/** What `newsflow bench` prints: one row per measured run, then the ratios between runs. */
public final class ResultTable {
    private static final String ROW = "%-7s %-56s %6s %7s %8s %6s  %s%n";

    private record Row(String bench, String run, long items, double seconds, String megabytesPerSecond, String notes) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    /** @param megabytesPerSecond MiB/s of serialized values, or negative when not measured */
    public void add(String bench, String run, long items, double seconds, double megabytesPerSecond, String notes) {
        rows.add(new Row(
                bench,
                run,
                items,
                seconds,
                megabytesPerSecond < 0 ? "-" : String.format("%.2f", megabytesPerSecond),
                notes));
    }

    public void ratio(String label, double ours, double theirs) {
        ratios.add(String.format("%-56s %.2f  (%.0f / %.0f)", label, ours / theirs, ours, theirs));
    }

    /** A line printed under the ratios: a breakdown of one of the rows. */
    public void detail(String line) {
        details.add(line);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(ROW, "bench", "run", "items", "s", "items/s", "MiB/s", "notes"));
        for (Row r : rows) {
            out.append(String.format(
                    ROW,
                    r.bench,
                    r.run,
                    r.items,
                    String.format("%.2f", r.seconds),
                    String.format("%.0f", r.items / r.seconds),
                    r.megabytesPerSecond,
                    r.notes));
        }
        if (!ratios.isEmpty()) {
            out.append(System.lineSeparator()).append("ratios").append(System.lineSeparator());
            ratios.forEach(r -> out.append("  ").append(r).append(System.lineSeparator()));
        }
        if (!details.isEmpty()) {
            out.append(System.lineSeparator());
            details.forEach(d -> out.append(d).append(System.lineSeparator()));
        }
        return out.toString();
    }
}
