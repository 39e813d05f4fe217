package io.newsflow.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a broker and registry of its own from {@link KafkaStackExtension}, started
 * before its first test and stopped after its last, instead of the one shared by the JVM. For tests
 * that run Newsflow's services on the fixed topic names, whose outputs would otherwise mix.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnStack {}
