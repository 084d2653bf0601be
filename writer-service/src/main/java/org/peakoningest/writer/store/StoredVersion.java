package org.peakoningest.writer.store;

/** What orders the stored version of a document: its {@code fetched_at} and {@code _source.offset} (either may be absent). */
record StoredVersion(String fetchedAt, Long offset) {}
