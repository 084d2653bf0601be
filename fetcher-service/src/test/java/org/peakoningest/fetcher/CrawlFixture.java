package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.fetcher.run.IngestionRun;
import org.peakoningest.testsupport.PeakonIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared set-up of the fetcher's ITs that run its Spring context: a simulated Peakon ({@link PeakonStub}, one
 * per test JVM) reset to the standard data set and no cursor or cached token before each test, the shared broker
 * and Mongo endpoint ({@link PeakonIntegrationTest}: a database per test class), and readers of what a run put on
 * the topics. A subclass names its own topic prefix with
 * {@code @TestPropertySource(properties = "peakon.fetcher.topic-prefix=it-<name>.")}.
 */
@SpringBootTest(properties = {"peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN, "peakon.fetcher.per-page=3"})
@PeakonIntegrationTest
public abstract class CrawlFixture {

    protected static final WireMockServer peakon = PeakonStub.sharedServer();
    protected static final PeakonStub stub = new PeakonStub(peakon);

    @Autowired
    protected IngestionRun ingestion;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected TopicNames topics;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrap;

    @DynamicPropertySource
    static void peakonUrl(DynamicPropertyRegistry registry) {
        registry.add("peakon.fetcher.base-url", stub::baseUrl);
    }

    @BeforeEach
    void standardPeakonAndNoCrawlState() {
        peakon.resetAll();
        stub.standard();
        mongo.getCollection(MongoCollections.SYNC_STATE).deleteMany(new Document());
        mongo.getCollection(MongoCollections.AUTH_TOKENS).deleteMany(new Document());
    }

    /** The run's envelopes on the data topics by collection, each on its collection's topic under its own key. */
    protected Map<PeakonCollection, List<RecordEnvelope>> envelopesOf(String runId) {
        Map<PeakonCollection, List<RecordEnvelope>> byCollection = new EnumMap<>(PeakonCollection.class);
        for (PeakonCollection c : PeakonCollection.values()) {
            byCollection.put(c, new ArrayList<>());
        }
        for (ConsumerRecord<String, RecordEnvelope> record :
                TopicReader.readToEnd(bootstrap, topics.dataTopics(), new ContractDeserializer.Envelopes())) {
            RecordEnvelope envelope = record.value();
            if (!envelope.runId().equals(runId)) {
                continue;
            }
            assertThat(record.key()).isEqualTo(RecordKeys.of(envelope.key()));
            assertThat(topics.collectionOf(record.topic()))
                    .contains(envelope.knownCollection().orElseThrow());
            assertThat(envelope.defect()).isEmpty();
            byCollection.get(envelope.knownCollection().orElseThrow()).add(envelope);
        }
        return byCollection;
    }

    /** The run's events, in order. */
    protected List<RunEvent> runEventsOf(String runId) {
        return TopicReader.readToEnd(bootstrap, List.of(topics.runEventsTopic()), new ContractDeserializer.RunEvents())
                .stream()
                .filter(r -> r.key().equals(RecordKeys.ofRun(runId)))
                .map(ConsumerRecord::value)
                .toList();
    }

    protected Document syncState(String id) {
        return mongo.getCollection(MongoCollections.SYNC_STATE)
                .find(new Document("_id", id))
                .first();
    }
}
