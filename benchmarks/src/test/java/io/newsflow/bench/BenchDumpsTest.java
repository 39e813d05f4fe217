package io.newsflow.bench;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.enrich.dedup.DedupSettings;
import io.newsflow.enrich.dedup.DuplicateMatch;
import io.newsflow.enrich.dedup.InMemoryDedupStore;
import io.newsflow.enrich.dedup.NearDuplicateIndex;
import io.newsflow.enrich.dedup.Verdict;
import io.newsflow.ingest.parse.DumpReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchDumpsTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static BenchDumps dumps() throws IOException {
        return BenchDumps.fromSample(
                Files.readString(Path.of("../samples/aleppo-page-dump.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void everyDumpParsesLikeTheSampleWithItsOwnIds() throws IOException {
        BenchDumps dumps = dumps();
        assertEquals(19, dumps.itemsPerDump());
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < BenchDumps.REVISION_EVERY - 1; n++) {
            List<SpecificRecord> items = dumps.events(n, T0.plusSeconds(60L * n));
            assertEquals(19, items.size(), "1 article + 18 briefs in dump " + n);
            items.forEach(item -> ids.add(Verdict.dedupItem(item, 0).id()));
        }
        assertEquals(19 * (BenchDumps.REVISION_EVERY - 1), ids.size(), "no id shared between dumps");
    }

    @Test
    void onlyTheRevisionDumpsHoldDuplicatesHalfExactHalfNear() throws IOException {
        BenchDumps dumps = dumps();
        NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.defaults(), new InMemoryDedupStore());
        Map<DuplicateMethod, Integer> byMethod = new EnumMap<>(DuplicateMethod.class);
        for (int n = 0; n < 2 * BenchDumps.REVISION_EVERY; n++) {
            int dupsInDump = 0;
            for (SpecificRecord item : dumps.events(n, T0.plusSeconds(60L * n))) {
                Optional<DuplicateMatch> match = index.observe(Verdict.dedupItem(item, 60_000L * n));
                if (match.isPresent()) {
                    dupsInDump++;
                    byMethod.merge(match.get().method(), 1, Integer::sum);
                }
            }
            boolean revision = n % BenchDumps.REVISION_EVERY == BenchDumps.REVISION_EVERY - 1;
            assertEquals(revision ? 19 : 0, dupsInDump, "duplicates in dump " + n);
        }
        assertEquals(Map.of(DuplicateMethod.EXACT, 18, DuplicateMethod.NEAR, 20), byMethod);
    }

    @Test
    void filesHoldTheDumpsSeparatedByEqualsLines(@TempDir Path dir) throws IOException {
        List<Path> files = dumps().writeFiles(dir, 19 * 10, 3, T0);
        assertEquals(3, files.size());
        long dumpsRead = 0;
        for (Path file : files) {
            dumpsRead += new DumpReader().read(file).size();
        }
        assertEquals(10, dumpsRead);
        assertTrue(Files.readString(files.get(0)).contains("\n=====\n"));
    }
}
