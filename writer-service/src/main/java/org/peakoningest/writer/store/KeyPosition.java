package org.peakoningest.writer.store;

import org.peakoningest.common.PeakonCollection;

/**
 * A record of a document's key on its topic: the document ({@code collection}, {@code _id}) and where the record
 * is ({@code partition}, {@code offset}). Compaction keeps the last record per key, so what matters about a key is
 * whether its last record is the version that is stored.
 */
public record KeyPosition(PeakonCollection collection, Object id, int partition, long offset) {}
