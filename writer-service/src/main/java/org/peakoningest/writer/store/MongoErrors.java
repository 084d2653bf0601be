package org.peakoningest.writer.store;

import com.mongodb.MongoServerException;
import java.util.Set;
import org.bson.BsonSerializationException;

/**
 * Which failures of a write say "this document cannot be stored" (retrying never helps: dead-letter it) as opposed to
 * "MongoDB is unavailable" (network, timeouts, elections, write concern: retry the batch until it works).
 *
 * <p>Per-document errors of a bulk write ({@code BulkWriteError}) are classified by {@link BulkDocumentWriter}
 * itself. This class covers the failures that end a whole {@code bulkWrite} call although one document caused them:
 * <ul>
 *   <li>the driver's client-side refusals, raised while it encodes the command: {@link BsonSerializationException}
 *       (a document over the server's {@code maxBsonObjectSize}, as {@code BsonMaximumSizeExceededException}; a
 *       name BSON cannot hold) and the {@link IllegalArgumentException} of its field-name validation (a replacement
 *       whose top-level name starts with {@code $});</li>
 *   <li>a server error whose code says the document itself is refused (below).</li>
 * </ul>
 * Anything else, including every {@code MongoException} not listed, stays "unavailable": a wrong guess there only
 * delays (the batch is retried), while a wrong "refused" would dead-letter good records.
 */
final class MongoErrors {

    /**
     * Server codes for a document that can never be stored as it is: 2 BadValue, 52 DollarPrefixedFieldName,
     * 56 EmptyFieldName, 57 DottedFieldName, 10334 BSONObjectTooLarge, 17280 KeyTooLong, 17419 (the document after
     * an update would exceed 16 MB).
     */
    private static final Set<Integer> DOCUMENT_REFUSED = Set.of(2, 52, 56, 57, 10334, 17280, 17419);

    private MongoErrors() {}

    /** Whether {@code failure} of a whole write means one of its documents cannot be stored. */
    static boolean refusesADocument(RuntimeException failure) {
        if (failure instanceof BsonSerializationException) {
            return true;
        }
        if (failure instanceof IllegalArgumentException && thrownByTheDriver(failure)) {
            return true;
        }
        return failure instanceof MongoServerException server && DOCUMENT_REFUSED.contains(server.getCode());
    }

    /** The reason recorded with a refused document (the driver's message names sizes and field names, no values). */
    static String reason(RuntimeException failure) {
        return "MongoDB cannot store the document (" + failure.getClass().getSimpleName() + "): "
                + failure.getMessage();
    }

    /** An argument the driver or the BSON library refused, not a bug of ours surfacing as the same type. */
    private static boolean thrownByTheDriver(RuntimeException failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        if (stack.length == 0) {
            return false;
        }
        String origin = stack[0].getClassName();
        return origin.startsWith("com.mongodb.") || origin.startsWith("org.bson.");
    }
}
