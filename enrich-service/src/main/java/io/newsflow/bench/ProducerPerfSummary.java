package io.newsflow.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary line of Kafka's {@code ProducerPerformance}, e.g. {@code 100000 records sent,
 * 51282.051282 records/sec (25.04 MB/sec), 310.36 ms avg latency, 602.00 ms max latency, 312 ms 50th,
 * 540 ms 95th, 590 ms 99th, 601 ms 99.9th.} Its MB are MiB. The per-interval progress lines have the
 * same start but no percentiles, so the line with percentiles is the summary.
 */
public record ProducerPerfSummary(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
                                  long p99LatencyMs) {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "[\\d.]+ ms max latency, \\d+ ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    /** The summary in the tool's whole output; empty if it printed none (it failed). */
    public static Optional<ProducerPerfSummary> parse(String output) {
        ProducerPerfSummary last = null;
        for (String line : output.split("\\R")) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find()) {
                last = new ProducerPerfSummary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)));
            }
        }
        return Optional.ofNullable(last);
    }
}
