package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;
import io.newsflow.platform.logging.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** One structured line per burst alert (logfmt, logger {@code io.newsflow.enrich.alerts}), at INFO. */
final class AlertLog {
    private static final Logger log = LoggerFactory.getLogger("io.newsflow.enrich.alerts");

    private AlertLog() {}

    static void write(BurstAlert alert) {
        log.info(line(alert));
    }

    static String line(BurstAlert alert) {
        return KeyValueLine.of("burst")
                .add("term", alert.getKeyword())
                .add("kind", alert.getKind().name().toLowerCase(Locale.ROOT))
                .add("window_start", alert.getWindowStart())
                .add("window_end", alert.getWindowEnd())
                .add("count", alert.getCount())
                .add("mean", twoDecimals(alert.getBaselineMean()))
                .add("stddev", twoDecimals(alert.getBaselineStddev()))
                .add("score", twoDecimals(alert.getScore()))
                .add("detected_at", alert.getDetectedAt())
                .toString();
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
