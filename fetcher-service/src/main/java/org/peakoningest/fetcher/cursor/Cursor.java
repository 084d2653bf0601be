package org.peakoningest.fetcher.cursor;

import org.peakoningest.common.PeakonCollection;

/**
 * An incremental-crawl cursor in {@code sync_state}: the document {@code _id} (the collection's name, as the original
 * version kept it) and the field holding the largest id seen.
 */
public enum Cursor {
    ANSWERS(PeakonCollection.ANSWERS_EXPORT, "last_answer_id", true),
    /**
     * Recorded, never resumed from (issue #14): every run crawls every employee, because a changed manager or
     * department of someone already seen must land and a complete list is what tells who has left. The document
     * stays for the brief's {@code sync_state} shape (tools of the Python version read it).
     */
    EMPLOYEES(PeakonCollection.EMPLOYEES, "last_employee_id", false);

    private final String documentId;
    private final String field;
    private final boolean resumesCrawl;

    Cursor(PeakonCollection collection, String field, boolean resumesCrawl) {
        this.documentId = collection.collectionName();
        this.field = field;
        this.resumesCrawl = resumesCrawl;
    }

    public String documentId() {
        return documentId;
    }

    public String field() {
        return field;
    }

    /** Whether an incremental run starts the collection after this cursor ({@code continuation=<cursor>}). */
    public boolean resumesCrawl() {
        return resumesCrawl;
    }
}
