package io.newsflow.enrich.tagging;

/** One default gazetteer and tagger for all tests: loading them takes about a second. */
final class Fixtures {

    static final Gazetteer GAZETTEER = Gazetteer.load();
    static final AmbiguousNames AMBIGUOUS = AmbiguousNames.load();
    static final TopicRules TOPICS = TopicRules.loadDefault();
    static final Tagger TAGGER = new Tagger(GAZETTEER, AMBIGUOUS, TOPICS);

    private Fixtures() {}
}
