package io.newsflow.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines dumps, one {@code {"url":..., "captured":..., "text":...}} object a line. A bad
 * line becomes one failure naming its line number; the other lines are still read.
 */
final class JsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON field -> the header key it stands for; source, published and title are accepted too. */
    private static final Map<String, String> ENVELOPE_FIELDS = Map.of(
            "url", HeaderBlock.URL,
            "captured", HeaderBlock.CAPTURED,
            "source", HeaderBlock.SOURCE,
            "published", HeaderBlock.PUBLISHED,
            "title", HeaderBlock.TITLE);

    private JsonLinesReader() {}

    /** True when the text starts like JSON Lines (first non-blank character is '{'). */
    static boolean looksLikeJsonLines(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!LineNormalizer.isSpace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    static List<ReadOutcome> read(String name, String text, Instant fallbackCapturedAt) {
        List<ReadOutcome> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n|\r", -1)) {
            lineNo++;
            if (!line.isBlank()) {
                out.add(record(name + ":" + lineNo, lineNo, line, fallbackCapturedAt));
            }
        }
        return out;
    }

    private static ReadOutcome record(String sourceId, int lineNo, String line, Instant fallbackCapturedAt) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return DumpFailure.of(
                    sourceId,
                    FailureClass.BAD_JSON,
                    "line " + lineNo + ": invalid JSON: " + e.getOriginalMessage(),
                    line);
        }
        if (node == null || !node.isObject()) {
            return DumpFailure.of(sourceId, FailureClass.BAD_JSON, "line " + lineNo + ": not a JSON object", line);
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return DumpFailure.of(
                    sourceId, FailureClass.BAD_JSON, "line " + lineNo + ": missing string field \"text\"", line);
        }
        Map<String, String> envelope = new HashMap<>();
        for (Map.Entry<String, String> field : ENVELOPE_FIELDS.entrySet()) {
            JsonNode v = node.get(field.getKey());
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                return DumpFailure.of(
                        sourceId,
                        FailureClass.BAD_JSON,
                        "line " + lineNo + ": field \"" + field.getKey() + "\" must be a string, was "
                                + v.getNodeType(),
                        line);
            }
            envelope.put(field.getValue(), v.asText());
        }
        return new RawDump(sourceId, text.asText(), envelope, fallbackCapturedAt);
    }
}
