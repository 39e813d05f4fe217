package io.newsflow.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of docs/modules.md, checked on the product classes of every module (this is the one
 * module that sees them all). The poms already stop a module from compiling against a module it
 * does not depend on; these rules hold the packages to the same graph, so a class put in the wrong
 * module's package fails here, and they keep the pure cores free of Kafka, which no pom can.
 */
class LayeringTest {
    private static final String SCHEMAS = "io.newsflow.schemas..";
    private static final String[] CONTRACT = {
        SCHEMAS, "io.newsflow.serde..", "io.newsflow.registry..", "io.newsflow.avro.."
    };
    private static final String PLATFORM = "io.newsflow.platform..";
    private static final String DEV_STACK = "io.newsflow.devstack..";
    private static final String INGEST = "io.newsflow.ingest..";
    private static final String ENRICH = "io.newsflow.enrich..";
    private static final String BENCH = "io.newsflow.bench..";
    private static final String APP = "io.newsflow.cli..";
    private static final String EXAMPLES = "io.newsflow.examples..";
    private static final String KAFKA = "org.apache.kafka..";

    /**
     * The Kafka Streams adapters of the tagging and bursts features. Every other class of those
     * packages is pure logic, testable without a broker; a new class that needs Kafka is an adapter
     * and is added here on purpose (names, not packages, so the rule holds wherever a feature keeps
     * its adapter).
     */
    static final String[] TAGGING_AND_BURSTS_ADAPTERS = {
        "TagProcessor", "BurstStage", "TermCounter", "BurstProcessor", "AlertLog", "BurstQueries"
    };

    /**
     * The pure core of dedup: fingerprints, the near-duplicate index and the match rules. Named one
     * by one because the package also holds the processor, its stores and the upstream-progress
     * tracking, all Kafka; a name that no longer exists matches nothing and checks nothing.
     */
    static final String[] DEDUP_CORE = {
        "BandKeyFilter",
        "BriefOfArticleMatcher",
        "ContentFingerprint",
        "DedupItem",
        "DedupSettings",
        "DuplicateMatch",
        "DuplicateVerifier",
        "EntryRef",
        "Fingerprinter",
        "Hashing",
        "InMemoryDedupStore",
        "IndexCodec",
        "IndexEntry",
        "ItemRef",
        "KeyTerms",
        "LshBanding",
        "MinHasher",
        "NearDuplicateIndex",
        "NormalizedText",
        "DedupText",
        "Verdict"
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importProductClasses() {
        // Test classes come from target/test-classes in `test` and from *-tests.jar in `verify`.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.newsflow");
    }

    @Test
    void theContractDependsOnNothingOfNewsflowAboveIt() {
        check(noClasses()
                .that()
                .resideInAnyPackage(CONTRACT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PLATFORM, DEV_STACK, INGEST, ENRICH, BENCH, APP, EXAMPLES));
    }

    @Test
    void platformDependsOnNoServiceNoAppAndNoBroker() {
        check(noClasses()
                .that()
                .resideInAPackage(PLATFORM)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DEV_STACK, INGEST, ENRICH, BENCH, APP, EXAMPLES));
    }

    @Test
    void theDevStackServesTheAppAndTestsOnly() {
        check(noClasses()
                .that()
                .resideInAPackage(DEV_STACK)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGEST, ENRICH, BENCH, APP, EXAMPLES));
    }

    @Test
    void ingestDependsOnNeitherEnrichNorTheAppNorTheBenchmarks() {
        check(noClasses()
                .that()
                .resideInAPackage(INGEST)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ENRICH, DEV_STACK, BENCH, APP, EXAMPLES));
    }

    @Test
    void enrichDependsOnNeitherIngestNorTheAppNorTheBenchmarks() {
        check(noClasses()
                .that()
                .resideInAPackage(ENRICH)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGEST, DEV_STACK, BENCH, APP, EXAMPLES));
    }

    @Test
    void benchmarksDoNotReachIntoTheApp() {
        check(noClasses()
                .that()
                .resideInAPackage(BENCH)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(APP));
    }

    @Test
    void theParserAndTheTextHelpersImportNoKafka() {
        check(noClasses()
                .that()
                .resideInAnyPackage("io.newsflow.ingest.parse..", "io.newsflow.enrich.text..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(KAFKA));
    }

    @Test
    void taggingAndBurstsImportNoKafkaOutsideTheirStreamsAdapters() {
        check(noClasses()
                .that()
                .resideInAnyPackage("io.newsflow.enrich.tagging..", "io.newsflow.enrich.bursts..")
                .and(not(topLevelNameIn(TAGGING_AND_BURSTS_ADAPTERS)))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(KAFKA));
    }

    @Test
    void theDedupCoreImportsNoKafka() {
        check(noClasses()
                .that()
                .resideInAPackage("io.newsflow.enrich.dedup..")
                .and(topLevelNameIn(DEDUP_CORE))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(KAFKA));
    }

    /** Matches a class by the name of its top-level class, so nested classes and lambdas go with it. */
    private static DescribedPredicate<JavaClass> topLevelNameIn(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("top-level class named one of " + new TreeSet<>(set), javaClass -> {
            String name =
                    javaClass.getName().substring(javaClass.getPackageName().length() + 1);
            int nested = name.indexOf('$');
            return set.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
