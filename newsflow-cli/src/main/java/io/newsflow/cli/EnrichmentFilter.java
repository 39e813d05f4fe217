package io.newsflow.cli;

import org.apache.avro.generic.GenericRecord;

import java.util.Collection;
import java.util.List;

/**
 * {@code tail --tag / --region} on generic records: finds the {@code enrichment} of an enriched item,
 * or a routed item, and matches topics, keywords and regions case-insensitively. A region matches the
 * countries the item is about ({@code regions}), never those it only mentions ({@code mentionedRegions}).
 */
final class EnrichmentFilter {
    private EnrichmentFilter() {}

    static boolean matches(Object value, String tag, String region) {
        if (tag == null && region == null) {
            return true;
        }
        GenericRecord enrichment = enrichment(value);
        if (enrichment == null) {
            return false;
        }
        boolean tagOk = tag == null
                || records(enrichment.get("topics")).stream()
                        .anyMatch(t -> equal(t.get("slug"), tag) || equal(t.get("label"), tag))
                || values(enrichment.get("keywords")).stream().anyMatch(k -> equal(k, tag));
        boolean regionOk = region == null
                || records(enrichment.get("regions")).stream()
                        .anyMatch(r -> List.of(
                                        "countryCode",
                                        "countryName",
                                        "subregion",
                                        "subregionCode",
                                        "continent",
                                        "continentCode")
                                .stream()
                                .anyMatch(field -> equal(r.get(field), region)));
        return tagOk && regionOk;
    }

    private static GenericRecord enrichment(Object value) {
        if (!(value instanceof GenericRecord record)) {
            return null;
        }
        if (record.hasField("enrichment")) {
            return (GenericRecord) record.get("enrichment");
        }
        return record.hasField("item") ? enrichment(record.get("item")) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<GenericRecord> records(Object array) {
        return array instanceof Collection<?> c ? List.copyOf((Collection<GenericRecord>) c) : List.of();
    }

    private static List<?> values(Object array) {
        return array instanceof Collection<?> c ? List.copyOf(c) : List.of();
    }

    private static boolean equal(Object value, String wanted) {
        return value != null && value.toString().equalsIgnoreCase(wanted);
    }
}
