package io.newsflow.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A summary line of Kafka's {@code ProducerPerformance}, e.g. {@code 100000 records sent,
 * 51282.051282 records/sec (25.04 MB/sec), 310.36 ms avg latency, 602.00 ms max latency, 312 ms 50th,
 * 540 ms 95th, 590 ms 99th, 601 ms 99.9th.} Its MB are MiB. The per-interval progress lines have the
 * same start but no percentiles, so a line with percentiles is a summary. With {@code --warmup-records}
 * a second summary follows, for the records after the warm-up: {@code 50000 steady state records sent, ...}.
 */
public record ProducerPerfSummary(
        long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs, long p99LatencyMs) {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+)( steady state)? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "[\\d.]+ ms max latency, \\d+ ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    /** The summary of all records in the tool's whole output; empty if it printed none (it failed). */
    public static Optional<ProducerPerfSummary> parse(String output) {
        return parse(output, false);
    }

    /** The steady-state summary (the records after {@code --warmup-records}); empty if there is none. */
    public static Optional<ProducerPerfSummary> parseSteadyState(String output) {
        return parse(output, true);
    }

    private static Optional<ProducerPerfSummary> parse(String output, boolean steadyState) {
        ProducerPerfSummary last = null;
        for (String line : output.split("\\R")) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find() && (m.group(2) != null) == steadyState) {
                last = new ProducerPerfSummary(
                        Long.parseLong(m.group(1)),
                        Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)),
                        Double.parseDouble(m.group(5)),
                        Long.parseLong(m.group(6)));
            }
        }
        return Optional.ofNullable(last);
    }
}
