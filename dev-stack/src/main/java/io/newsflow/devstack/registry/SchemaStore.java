package io.newsflow.devstack.registry;

import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry's state and rules, without I/O: subjects and their versions, global schema ids, and
 * compatibility levels. Changes are decided here as {@link Change}s, persisted by the caller, then
 * applied with {@link #apply}, which is also how the state is rebuilt from the {@code _schemas} topic.
 * Not thread-safe: the registry serialises access.
 */
final class SchemaStore {
    private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);
    // Confluent's error codes for deletion.
    private static final int SUBJECT_SOFT_DELETED = 40404;
    private static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    private static final int VERSION_SOFT_DELETED = 40406;
    private static final int VERSION_NOT_SOFT_DELETED = 40407;
    /** A change to persist: a new subject version, or a compatibility level (subject null = global). */
    sealed interface Change permits NewVersion, NewConfig, SoftDeletedVersion, RemovedVersion {}

    /** A version soft-deleted: still in the log (and its id still resolves), hidden from the subject. */
    record SoftDeletedVersion(String subject, int version, int id, String schema) implements Change {}

    /** A version permanently deleted (a tombstone in the log). */
    record RemovedVersion(String subject, int version) implements Change {}

    record NewVersion(String subject, int version, int id, String schema) implements Change {}

    record NewConfig(String subject, CompatibilityLevel level) implements Change {}

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<NewVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, Set<Integer>> softDeleted = new HashMap<>();
    private CompatibilityLevel globalLevel;

    SchemaStore(CompatibilityLevel defaultLevel) {
        this.globalLevel = defaultLevel;
    }

    void apply(Change change) {
        if (change instanceof NewVersion v) {
            String holder = schemasById.get(v.id());
            if (holder != null && !holder.equals(v.schema())) {
                // Another registry on the same _schemas claimed this id first: the first claim in the log wins,
                // and the writer of this record, seeing that, registers again with a new id.
                log.warn(
                        "Ignoring {} version {}: schema id {} already belongs to another schema",
                        v.subject(),
                        v.version(),
                        v.id());
                return;
            }
            schemasById.put(v.id(), v.schema());
            idsBySchema.putIfAbsent(v.schema(), v.id());
            List<NewVersion> versions = subjects.computeIfAbsent(v.subject(), s -> new ArrayList<>());
            versions.removeIf(existing -> existing.version() == v.version());
            versions.add(v);
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            softDeleted.getOrDefault(v.subject(), new HashSet<>()).remove(v.version());
        } else if (change instanceof SoftDeletedVersion d) {
            // After compaction this record is all that is left of the version, so it also restores it.
            apply(new NewVersion(d.subject(), d.version(), d.id(), d.schema()));
            softDeleted.computeIfAbsent(d.subject(), s -> new HashSet<>()).add(d.version());
        } else if (change instanceof RemovedVersion r) {
            List<NewVersion> versions = subjects.getOrDefault(r.subject(), new ArrayList<>());
            versions.removeIf(v -> v.version() == r.version());
            softDeleted.getOrDefault(r.subject(), new HashSet<>()).remove(r.version());
            if (versions.isEmpty()) {
                subjects.remove(r.subject());
            }
        } else if (change instanceof NewConfig c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    /**
     * Whether {@code change}, appended to the log and read back, is in force: its id was not claimed first
     * by another schema, and no later record replaced its subject version.
     */
    boolean holds(NewVersion change) {
        return subjects.getOrDefault(change.subject(), List.of()).contains(change);
    }

    /** The change registering {@code schemaText} under {@code subject}, or empty if it is already there. */
    Optional<NewVersion> planRegistration(String subject, String schemaText) {
        String canonical = canonical(schemaText);
        List<NewVersion> versions = live(subject);
        for (NewVersion v : versions) {
            if (v.schema().equals(canonical)) {
                return Optional.empty();
            }
        }
        List<String> incompatibilities = incompatibilities(subject, canonical, versions);
        if (!incompatibilities.isEmpty()) {
            throw new SchemaRegistryException(
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + incompatibilities);
        }
        int id = idsBySchema.getOrDefault(canonical, nextId());
        // Soft-deleted versions keep their numbers: a new version comes after all of them.
        List<NewVersion> all = subjects.getOrDefault(subject, List.of());
        int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
        return Optional.of(new NewVersion(subject, version, id, canonical));
    }

    /** The registered version of {@code schemaText} under {@code subject} (POST /subjects/{subject}). */
    RegisteredSchema lookup(String subject, String schemaText) {
        String canonical = canonical(schemaText);
        return versions(subject).stream()
                .filter(v -> v.schema().equals(canonical))
                .findFirst()
                .map(SchemaStore::registered)
                .orElseThrow(() ->
                        new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
    }

    int idOf(String subject, String schemaText) {
        String canonical = canonical(schemaText);
        return versions(subject).stream()
                .filter(v -> v.schema().equals(canonical))
                .findFirst()
                .orElseThrow()
                .id();
    }

    List<String> subjects() {
        return subjects.keySet().stream().filter(s -> !live(s).isEmpty()).toList();
    }

    /**
     * The changes deleting {@code version} ("latest" allowed) of {@code subject}, or all its versions when
     * {@code version} is null: soft, or with {@code permanent} removing versions soft-deleted before (Confluent's rule).
     */
    List<Change> planDeletion(String subject, String version, boolean permanent) {
        List<NewVersion> all = subjects.getOrDefault(subject, List.of());
        Set<Integer> deleted = softDeleted.getOrDefault(subject, Set.of());
        if (all.isEmpty()) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        List<NewVersion> targets;
        if (version == null) {
            if (permanent
                    && !deleted.containsAll(
                            all.stream().map(NewVersion::version).toList())) {
                throw new SchemaRegistryException(
                        404,
                        SUBJECT_NOT_SOFT_DELETED,
                        "Subject '" + subject + "' was not deleted first before being permanently deleted");
            }
            if (!permanent && live(subject).isEmpty()) {
                throw new SchemaRegistryException(
                        404,
                        SUBJECT_SOFT_DELETED,
                        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
            }
            targets = permanent ? all : live(subject);
        } else {
            NewVersion target;
            if ("latest".equals(version) || "-1".equals(version)) {
                List<NewVersion> live = versions(subject);
                target = live.get(live.size() - 1);
            } else {
                int number = parseVersion(version);
                target = all.stream()
                        .filter(v -> v.version() == number)
                        .findFirst()
                        .orElseThrow(() -> new SchemaRegistryException(
                                404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + number + " not found."));
            }
            boolean isDeleted = deleted.contains(target.version());
            if (permanent && !isDeleted) {
                throw new SchemaRegistryException(
                        404,
                        VERSION_NOT_SOFT_DELETED,
                        "Subject '" + subject + "' Version " + target.version()
                                + " was not deleted first before being permanently deleted");
            }
            if (!permanent && isDeleted) {
                throw new SchemaRegistryException(
                        404,
                        VERSION_SOFT_DELETED,
                        "Subject '" + subject + "' Version " + target.version()
                                + " was soft deleted.Set permanent=true to delete permanently");
            }
            targets = List.of(target);
        }
        return targets.stream()
                .<Change>map(v -> permanent
                        ? new RemovedVersion(v.subject(), v.version())
                        : new SoftDeletedVersion(v.subject(), v.version(), v.id(), v.schema()))
                .toList();
    }

    List<Integer> versionNumbers(String subject) {
        return versions(subject).stream().map(NewVersion::version).toList();
    }

    RegisteredSchema version(String subject, String version) {
        List<NewVersion> versions = versions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return registered(versions.get(versions.size() - 1));
        }
        int number = parseVersion(version);
        return versions.stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .map(SchemaStore::registered)
                .orElseThrow(() -> new SchemaRegistryException(
                        404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + number + " not found."));
    }

    String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    /** (subject, version) pairs that use schema {@code id}. */
    List<RegisteredSchema> usesOf(int id) {
        schemaById(id);
        List<RegisteredSchema> uses = new ArrayList<>();
        subjects.keySet()
                .forEach(s -> live(s).stream()
                        .filter(v -> v.id() == id)
                        .map(SchemaStore::registered)
                        .forEach(uses::add));
        return uses;
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Compatibility problems of {@code schemaText} against {@code version} of the subject, per its level. */
    List<String> checkAgainst(String subject, String version, String schemaText) {
        String canonical = canonical(schemaText);
        List<NewVersion> versions = versions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return incompatibilities(subject, canonical, versions);
        }
        RegisteredSchema target = version(subject, version);
        return problems(levelOf(subject), canonical, target.schema());
    }

    private List<String> incompatibilities(String subject, String candidate, List<NewVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        CompatibilityLevel level = levelOf(subject);
        List<NewVersion> against =
                level.transitive() ? versions : versions.subList(versions.size() - 1, versions.size());
        List<String> problems = new ArrayList<>();
        for (NewVersion existing : against) {
            for (String p : problems(level, candidate, existing.schema())) {
                problems.add("version " + existing.version() + ": " + p);
            }
        }
        return problems;
    }

    private static List<String> problems(CompatibilityLevel level, String candidate, String existing) {
        Schema newSchema = parse(candidate);
        Schema oldSchema = parse(existing);
        List<String> problems = new ArrayList<>();
        if (level.backward()) {
            describe(
                    "new schema cannot read data written with it",
                    SchemaCompatibility.checkReaderWriterCompatibility(newSchema, oldSchema),
                    problems);
        }
        if (level.forward()) {
            describe(
                    "it cannot read data written with the new schema",
                    SchemaCompatibility.checkReaderWriterCompatibility(oldSchema, newSchema),
                    problems);
        }
        return problems;
    }

    private static void describe(String what, SchemaCompatibility.SchemaPairCompatibility result, List<String> into) {
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            result.getResult()
                    .getIncompatibilities()
                    .forEach(i -> into.add(
                            what + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")"));
        }
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** The subject's versions that are not soft-deleted, oldest first. */
    private List<NewVersion> live(String subject) {
        Set<Integer> deleted = softDeleted.getOrDefault(subject, Set.of());
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> !deleted.contains(v.version()))
                .toList();
    }

    private List<NewVersion> versions(String subject) {
        List<NewVersion> versions = live(subject);
        if (versions.isEmpty()) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private static RegisteredSchema registered(NewVersion v) {
        return new RegisteredSchema(v.subject(), v.id(), v.version(), v.schema());
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the registry's own error
        }
        throw new SchemaRegistryException(
                422,
                SchemaRegistryException.INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between "
                        + "[1, 2^31-1] and the string \"latest\"");
    }

    /** Avro's own normal form, so whitespace and key order never make a new version. */
    static String canonical(String schemaText) {
        return parse(schemaText).toString();
    }

    private static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            // Avro reports bad schemas through several exceptions (SchemaParseException, AvroTypeException
            // for an invalid default, ...); all of them are the client's error, never the server's.
            throw new SchemaRegistryException(
                    422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }
}
