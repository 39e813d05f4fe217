package io.newsflow.schemas;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.RoutedItem;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the contract BACKWARD_TRANSITIVE: today's schema of every topic must read data written with
 * every released version frozen in {@code schemas/released/<Name>.v<N>.avsc}. To release, copy the
 * current schema there as the next version (docs/contract.md, "Evolving the schemas").
 */
class SchemaEvolutionTest {
    private static final Path RELEASED = Path.of("released");
    private static final List<Schema> TOPIC_VALUES = List.of(
            Article.getClassSchema(),
            Brief.getClassSchema(),
            EnrichedArticle.getClassSchema(),
            EnrichedBrief.getClassSchema(),
            RoutedItem.getClassSchema(),
            DuplicateNotice.getClassSchema(),
            BurstAlert.getClassSchema(),
            DeadLetter.getClassSchema());

    @TestFactory
    Stream<DynamicTest> currentSchemasReadEveryReleasedVersion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Schema current : TOPIC_VALUES) {
            List<Path> released = releasedVersions(current.getName());
            assertFalse(
                    released.isEmpty(),
                    "no released version of " + current.getName() + " in " + RELEASED.toAbsolutePath());
            for (Path file : released) {
                tests.add(DynamicTest.dynamicTest(current.getName() + " reads " + file.getFileName(), () -> {
                    Schema old = new Schema.Parser().parse(file.toFile());
                    SchemaCompatibility.SchemaPairCompatibility result =
                            SchemaCompatibility.checkReaderWriterCompatibility(current, old);
                    assertEquals(
                            SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                            result.getType(),
                            () -> "not BACKWARD compatible with " + file + ": "
                                    + result.getResult().getIncompatibilities());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theCheckRejectsAFieldAddedWithoutDefault() throws IOException {
        Schema old = new Schema.Parser().parse(RELEASED.resolve("Brief.v1.avsc").toFile());
        String broken = Brief.getClassSchema()
                .toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"lang\",\"type\":\"string\"},");
        Schema withoutDefault = new Schema.Parser().parse(broken);
        assertEquals(
                SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(withoutDefault, old)
                        .getType());
    }

    @Test
    void everyRecordAndFieldIsDocumented() {
        Set<String> seen = new HashSet<>();
        List<String> undocumented = new ArrayList<>();
        TOPIC_VALUES.forEach(s -> collectUndocumented(s, seen, undocumented));
        assertTrue(undocumented.isEmpty(), "missing doc strings: " + undocumented);
    }

    private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (schema.getDoc() == null || schema.getDoc().isBlank()) {
                    undocumented.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), seen, undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, seen, undocumented));
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
            case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
            default -> {}
        }
    }

    private static List<Path> releasedVersions(String name) throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(f ->
                            f.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "\\.v\\d+\\.avsc"))
                    .sorted()
                    .toList();
        }
    }
}
