/**
 * What enrich-service cannot deserialize, process or produce goes to news.dlq as a dead letter, in the
 * same transaction as the input offsets, and the app goes on
 * ({@link io.newsflow.enrich.errors.DeadLetterExceptionHandler}); dead letters are counted by kind for
 * /metrics ({@link io.newsflow.enrich.errors.DeadLetterCounts}).
 */
package io.newsflow.enrich.errors;
