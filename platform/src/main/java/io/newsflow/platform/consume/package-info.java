/**
 * Reading topics as a subscriber sees them (committed records only), up to the end offsets of a moment
 * or from the end on: what the commands and the run summary share ({@link io.newsflow.platform.consume.CommittedReader}).
 */
package io.newsflow.platform.consume;
