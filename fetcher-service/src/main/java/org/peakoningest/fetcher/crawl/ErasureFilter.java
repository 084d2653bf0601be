package org.peakoningest.fetcher.crawl;

import java.util.function.Supplier;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.fetcher.erase.ErasureList;
import tools.jackson.databind.JsonNode;

/**
 * Which items of a page belong to an erased person and are therefore not published (issue #14): an employee whose
 * {@code id}, an answer whose {@code attributes.employeeId}, is on the run's {@link ErasureList}. Only these two
 * collections name a person; every other item passes untouched, and without any erasure nothing is looked at.
 */
final class ErasureFilter {

    static final ErasureFilter NONE = new ErasureFilter(null, null);

    private final PeakonCollection collection;
    private final ErasureList erased;

    private ErasureFilter(PeakonCollection collection, ErasureList erased) {
        this.collection = collection;
        this.erased = erased;
    }

    /**
     * The filter of one collection's crawl; asks for the run's erasures only for the collections that name a person.
     *
     * @throws IllegalStateException from {@code erasures} when the erasures cannot be honoured: the collection then
     *                               fails rather than publish a person it should not
     */
    static ErasureFilter of(PeakonCollection collection, Supplier<ErasureList> erasures) {
        if (collection != PeakonCollection.EMPLOYEES && collection != PeakonCollection.ANSWERS_EXPORT) {
            return NONE;
        }
        ErasureList erased = erasures.get();
        return erased.isEmpty() ? NONE : new ErasureFilter(collection, erased);
    }

    /** Whether the item just copied belongs to an erased person. */
    boolean skips(ItemCopy item) {
        if (erased == null) {
            return false;
        }
        String person = collection == PeakonCollection.EMPLOYEES ? idOf(item.keyParts()) : item.employeeId();
        return erased.isErased(person);
    }

    private static String idOf(JsonNode keyParts) {
        JsonNode id = keyParts.get("id");
        return id != null && (id.isString() || id.isNumber()) ? id.asString() : null;
    }
}
