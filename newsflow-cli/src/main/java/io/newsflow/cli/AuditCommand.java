package io.newsflow.cli;

import io.newsflow.avro.DuplicateNotice;
import io.newsflow.enrich.audit.OutputAudit;
import io.newsflow.platform.consume.CommittedReader;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code ./newsflow audit}: is every input record in exactly one output? */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Read news.articles, news.briefs, news.enriched.* and news.duplicates to their current ends "
                + "(read_committed) and check that every input record appears exactly once across enriched and duplicates; "
                + "prints the counts and the lost and doubled ones; exit status 1 if any. Stop ingesting first.")
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--verdicts",
            paramLabel = "FILE",
            description =
                    "Also write one sorted line per output (id, original or what it duplicates and how), to diff two runs.")
    Path verdictsFile;

    @Override
    public Integer call() throws IOException {
        OutputAudit audit = new OutputAudit();
        try (Stack stack = Stack.resolve(cluster.config());
                SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            Map<String, Object> props = stack.kafkaClientProperties();
            ByteArrayDeserializer bytes = new ByteArrayDeserializer();
            read(props, Topics.ARTICLES_NAME, bytes, r -> audit.input(r.key()));
            read(props, Topics.BRIEFS_NAME, bytes, r -> audit.input(r.key()));
            read(props, Topics.ENRICHED_ARTICLES_NAME, bytes, r -> audit.enriched(r.key()));
            read(props, Topics.ENRICHED_BRIEFS_NAME, bytes, r -> audit.enriched(r.key()));
            read(props, Topics.DUPLICATES_NAME, topics.duplicates.valueSerde().deserializer(), r -> {
                DuplicateNotice notice = r.value();
                audit.duplicate(
                        r.key(), notice.getDuplicateOf(), notice.getMethod().name());
            });
        }
        System.out.println(audit.summary());
        if (verdictsFile != null) {
            Files.write(verdictsFile, audit.verdicts());
        }
        return audit.lost() == 0 && audit.doubled() == 0 ? 0 : 1;
    }

    private static <V> void read(
            Map<String, Object> clientProperties,
            String topic,
            Deserializer<V> values,
            Consumer<ConsumerRecord<String, V>> each) {
        try (CommittedReader<String, V> reader = new CommittedReader<>(
                clientProperties, "newsflow-audit", List.of(topic), new StringDeserializer(), values)) {
            reader.fromBeginning().readToEnd(each);
        }
    }
}
