package io.newsflow.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scrape of a service's /metrics, read as Prometheus would: series (name and labels) to value. */
public record MetricsScrape(Map<String, Double> series) {

    public static MetricsScrape of(int port) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return new MetricsScrape(series);
    }

    /** The metric names exported, without labels. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.keySet().forEach(s -> names.add(s.split("\\{", 2)[0]));
        return names;
    }

    /** The metric names exported that start with {@code prefix}. */
    public Set<String> names(String prefix) {
        Set<String> names = names();
        names.removeIf(name -> !name.startsWith(prefix));
        return names;
    }

    /** The sum over every series of {@code name} whose labels contain {@code label} (e.g. {@code kind="processing"}, or ""). */
    public double sum(String name, String label) {
        return series.entrySet().stream()
                .filter(e ->
                        e.getKey().split("\\{", 2)[0].equals(name) && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    public double sum(String name) {
        return sum(name, "");
    }
}
