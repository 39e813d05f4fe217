package io.newsflow.examples;

import io.newsflow.avro.Brief;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscriber example of docs/contract.md really reads a Newsflow topic with the published classes. Its own
 * stack: it ingests the sample, which IngestIT counts on the shared one.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class SubscriberExampleIT {

    @Test
    void theExampleReadsBriefsWithTheSpecificAvroClasses(TestStack stack) {
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            TopicSetup.prepare(resolved);
            ingester.ingest(Path.of("../samples/aleppo-page-dump.txt"), null);
        }
        List<String> headlines = new ArrayList<>();
        SubscriberExample.consume(
                stack.bootstrapServers(),
                stack.registryUrl(),
                Topics.BRIEFS_NAME,
                TestStack.unique("example"),
                Brief.class,
                r -> headlines.add(r.value().getHeadline()),
                18);
        assertTrue(
                headlines.contains("Syrian opposition rules out future role for President al-Assad"),
                headlines.toString());
    }
}
