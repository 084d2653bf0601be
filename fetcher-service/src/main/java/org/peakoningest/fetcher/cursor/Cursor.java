package org.peakoningest.fetcher.cursor;

import org.peakoningest.common.PeakonCollection;

/**
 * An incremental-crawl cursor in {@code sync_state}: the document {@code _id} (the collection's name, as the original
 * version kept it) and the field holding the largest id seen.
 */
public enum Cursor {
    ANSWERS(PeakonCollection.ANSWERS_EXPORT, "last_answer_id"),
    EMPLOYEES(PeakonCollection.EMPLOYEES, "last_employee_id");

    private final String documentId;
    private final String field;

    Cursor(PeakonCollection collection, String field) {
        this.documentId = collection.collectionName();
        this.field = field;
    }

    public String documentId() {
        return documentId;
    }

    public String field() {
        return field;
    }
}
