package io.newsflow.registry;

/** One version of a subject, as answered by GET /subjects/{subject}/versions/{version}. */
public record RegisteredSchema(String subject, int id, int version, String schema) {}
