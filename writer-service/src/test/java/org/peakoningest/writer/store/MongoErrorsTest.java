package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonSerializationException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a whole write dead-letter a document and which retry the batch: a wrong "refused" would
 * dead-letter good records, a wrong "unavailable" blocks a partition forever (issue #12).
 */
class MongoErrorsTest {

    private static final ServerAddress SERVER = new ServerAddress();

    @Test
    void clientSideRefusalsOfTheDriverAreAboutADocument() {
        assertThat(MongoErrors.refusesADocument(new BsonMaximumSizeExceededException("too large")))
                .isTrue();
        assertThat(MongoErrors.refusesADocument(new BsonSerializationException("bad name")))
                .isTrue();
        IllegalArgumentException byTheDriver = new IllegalArgumentException("Invalid BSON field name $x");
        byTheDriver.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.bson.AbstractBsonWriter", "writeName", "AbstractBsonWriter.java", 1)
        });
        assertThat(MongoErrors.refusesADocument(byTheDriver)).isTrue();
    }

    @Test
    void anIllegalArgumentOfOurOwnIsNotBlamedOnADocument() {
        assertThat(MongoErrors.refusesADocument(new IllegalArgumentException("a bug here")))
                .isFalse();
    }

    @Test
    void serverCodesThatRefuseTheDocumentItself() {
        for (int code : new int[] {2, 52, 56, 57, 10334, 17280, 17419}) {
            assertThat(MongoErrors.refusesADocument(command(code)))
                    .as("code %d", code)
                    .isTrue();
        }
    }

    @Test
    void unavailabilityIsNeverADocumentsFault() {
        assertThat(MongoErrors.refusesADocument(
                        new MongoSocketOpenException("refused", SERVER, new IOException("refused"))))
                .isFalse();
        assertThat(MongoErrors.refusesADocument(new MongoTimeoutException("no server")))
                .isFalse();
        assertThat(MongoErrors.refusesADocument(
                        new MongoNotPrimaryException(new BsonDocument("code", new BsonInt32(10107)), SERVER)))
                .isFalse();
        for (int code : new int[] {6, 7, 13, 89, 91, 189, 262, 11600, 11602, 13435}) {
            assertThat(MongoErrors.refusesADocument(command(code)))
                    .as("code %d", code)
                    .isFalse();
        }
    }

    @Test
    void theReasonNamesTheFailureNotTheData() {
        assertThat(MongoErrors.reason(new BsonMaximumSizeExceededException("Payload document size is larger")))
                .isEqualTo("MongoDB cannot store the document (BsonMaximumSizeExceededException): Payload document size"
                        + " is larger");
    }

    private static MongoCommandException command(int code) {
        return new MongoCommandException(
                new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code)), SERVER);
    }
}
