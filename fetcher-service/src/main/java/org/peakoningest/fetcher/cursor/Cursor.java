package org.peakoningest.fetcher.cursor;

/**
 * An incremental-crawl cursor in {@code sync_state}: the document {@code _id} and the field holding the largest id
 * seen.
 */
public enum Cursor {
    ANSWERS("answers_export", "last_answer_id"),
    EMPLOYEES("employees", "last_employee_id");

    private final String documentId;
    private final String field;

    Cursor(String documentId, String field) {
        this.documentId = documentId;
        this.field = field;
    }

    public String documentId() {
        return documentId;
    }

    public String field() {
        return field;
    }
}
