package io.newsflow.enrich;

import io.newsflow.platform.config.NewsflowConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A stable {@code group.instance.id} per enrich-service instance (Kafka's static membership,
 * KIP-345), kept in its state directory. A dynamic member that dies (kill -9, OOM, a lost machine)
 * keeps its tasks until its session times out (45 s), and the instance restarted in its place waits
 * that long; a static member restarted with the same id takes its tasks back at once, without a
 * rebalance. The id lives beside the state it goes with: a new data directory is a new member.
 */
final class StaticMembership {
    /** {@code false} turns static membership off (every start is then a new member). */
    static final String ENABLED = "newsflow.enrich.static.membership";

    private StaticMembership() {}

    /** The id for this instance, created on its first start; empty when turned off. */
    static Optional<String> instanceId(NewsflowConfig config, Path stateDir, String applicationId) {
        if (!Boolean.parseBoolean(config.get(ENABLED).orElse("true"))) {
            return Optional.empty();
        }
        Path file = stateDir.resolve(applicationId + ".instance-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return Optional.of(id);
                }
            }
            String id = applicationId + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(stateDir);
            Path written =
                    Files.writeString(stateDir.resolve(file.getFileName() + ".tmp"), id + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot keep enrich-service's instance id in " + file + ": " + e.getMessage(), e);
        }
    }
}
