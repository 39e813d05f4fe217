/**
 * Closed word lists that more than one enrich feature reads (tagging and dedup), kept once here so
 * that the features need not depend on each other. Pure Java.
 */
package io.newsflow.enrich.text;
