package io.newsflow.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.platform.metrics.ServiceMetrics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The operational HTTP endpoints of a service: {@code /health/live}, {@code /health/ready} and
 * {@code /metrics} (Prometheus text format, from the Kafka clients' own metrics), plus whatever
 * JSON endpoints a service adds with {@link #json}.
 */
public final class ServiceHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]");

    /** Threads of the JSON endpoints, which may wait on peers; the server's own two stay free for probes. */
    private static final int QUERY_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService queries;

    public ServiceHttpServer(
            String host, int port, BooleanSupplier ready, Supplier<Map<MetricName, ? extends Metric>> metrics)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, daemon("http-" + port)));
        queries = Executors.newFixedThreadPool(QUERY_THREADS, daemon("http-query-" + port));
        server.createContext("/health/live", exchange -> respond(exchange, 200, "text/plain", "OK\n"));
        server.createContext("/health/ready", exchange -> {
            boolean isReady = ready.getAsBoolean();
            respond(exchange, isReady ? 200 : 503, "text/plain", isReady ? "READY\n" : "NOT READY\n");
        });
        server.createContext(
                "/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4", prometheus(metrics.get())));
        server.start();
        log.info(
                "HTTP endpoints on http://{}:{} (/health/live, /health/ready, /metrics)",
                host,
                server.getAddress().getPort());
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Adds a JSON endpoint; {@code body} is called per request with its query parameters, on a thread
     * of its own pool: a query waiting on a peer never holds up /health or /metrics.
     */
    public void json(String path, Function<Map<String, String>, String> body) {
        server.createContext(
                path,
                exchange -> queries.execute(() -> {
                    try {
                        respond(
                                exchange,
                                200,
                                "application/json",
                                body.apply(
                                        queryParameters(exchange.getRequestURI().getRawQuery())));
                    } catch (IOException | RuntimeException e) {
                        log.warn("Query {} failed: {}", path, e.toString());
                        exchange.close();
                    }
                }));
    }

    /** Serves {@code body} at exactly {@code path} ("/" too: other paths under it answer 404). */
    public void page(String path, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals(path)) {
                    HttpResponses.send(exchange, 200, contentType, body);
                } else {
                    HttpResponses.send(
                            exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
    }

    /** {@code a=1&b} as {a=1, b=""}; the first of repeated names wins. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Kafka metrics in Prometheus text format, counters for names ending in _total: Newsflow's own
     * (group {@code newsflow-<service>}) as newsflow_&lt;service&gt;_&lt;name&gt;{tags}, the Kafka
     * clients' and Streams' as kafka_&lt;group&gt;_&lt;name&gt;{tags}.
     */
    static String prometheus(Map<MetricName, ? extends Metric> metrics) {
        Map<String, StringBuilder> families = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            Object value = entry.getValue().metricValue();
            // NaN (a latency with nothing measured yet) is exported as NaN, as Prometheus expects, so a
            // series does not vanish from dashboards until its first sample.
            if (!(value instanceof Number number)) {
                continue;
            }
            MetricName name = entry.getKey();
            String family = sanitize(familyName(name));
            StringBuilder lines =
                    families.computeIfAbsent(family, f -> new StringBuilder("# TYPE " + f + " " + type(f) + "\n"));
            lines.append(family);
            if (!name.tags().isEmpty()) {
                lines.append('{');
                String separator = "";
                for (Map.Entry<String, String> tag : new TreeMap<>(name.tags()).entrySet()) {
                    lines.append(separator)
                            .append(sanitize(tag.getKey()))
                            .append("=\"")
                            .append(tag.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append('"');
                    separator = ",";
                }
                lines.append('}');
            }
            double v = number.doubleValue();
            lines.append(' ')
                    .append(
                            Double.isNaN(v)
                                    ? "NaN"
                                    : Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf") : Double.toString(v))
                    .append('\n');
        }
        StringBuilder out = new StringBuilder();
        families.values().forEach(out::append);
        return out.toString();
    }

    private static String familyName(MetricName name) {
        String groupAndName = name.group() + "_" + name.name();
        return name.group().startsWith(ServiceMetrics.GROUP_PREFIX) ? groupAndName : "kafka_" + groupAndName;
    }

    /** Kafka's {@code -total} metrics are cumulative (CumulativeSum, CumulativeCount): counters; everything else a gauge. */
    private static String type(String family) {
        return family.endsWith("_total") ? "counter" : "gauge";
    }

    private static String sanitize(String name) {
        return INVALID.matcher(name.replace('-', '_').replace('.', '_'))
                .replaceAll("_")
                .toLowerCase(Locale.ROOT);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            HttpResponses.send(
                    exchange,
                    status,
                    contentType + (contentType.contains("charset") ? "" : "; charset=utf-8"),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        queries.shutdownNow();
    }
}
