package io.newsflow.enrich.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the exactly-once contract (docs/dedup.md, "What subscribers may rely on"): every input record ends
 * up once in news.enriched.* or news.duplicates. Inputs and outputs are counted per item id (an id
 * arrives once per occurrence: repeats of a brief carry the same id); the verdict lines say how each
 * occurrence was decided, sorted, so two runs over the same input can be compared line by line.
 */
public final class OutputAudit {
    private final Map<String, Integer> inputs = new HashMap<>();
    private final Map<String, Integer> outputs = new HashMap<>();
    private final List<String> verdicts = new ArrayList<>();
    private int enriched;
    private int duplicates;

    public void input(String id) {
        inputs.merge(id, 1, Integer::sum);
    }

    public void enriched(String id) {
        outputs.merge(id, 1, Integer::sum);
        verdicts.add(id + "\toriginal");
        enriched++;
    }

    public void duplicate(String id, String duplicateOf, String method) {
        outputs.merge(id, 1, Integer::sum);
        verdicts.add(id + "\tduplicate of " + duplicateOf + "\t" + method);
        duplicates++;
    }

    /** Input occurrences with no output. */
    public int lost() {
        return inputs.entrySet().stream()
                .mapToInt(e -> Math.max(0, e.getValue() - outputs.getOrDefault(e.getKey(), 0)))
                .sum();
    }

    /** Outputs beyond the input occurrences of their id (an id never ingested counts whole). */
    public int doubled() {
        Set<String> ids = new HashSet<>(outputs.keySet());
        return ids.stream()
                .mapToInt(id -> Math.max(0, outputs.get(id) - inputs.getOrDefault(id, 0)))
                .sum();
    }

    public int inputCount() {
        return inputs.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int enrichedCount() {
        return enriched;
    }

    public int duplicateCount() {
        return duplicates;
    }

    /** One line per output occurrence, sorted. */
    public List<String> verdicts() {
        List<String> sorted = new ArrayList<>(verdicts);
        Collections.sort(sorted);
        return sorted;
    }

    public String summary() {
        return "inputs " + inputCount() + ", enriched " + enriched + ", duplicates " + duplicates + ", lost " + lost()
                + ", doubled " + doubled();
    }
}
