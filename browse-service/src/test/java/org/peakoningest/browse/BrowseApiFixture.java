package org.peakoningest.browse;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.peakoningest.testsupport.PeakonIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browse API IT starts from: the service on a random port, accepting the bearer token
 * {@link ApiClient#TOKEN}, over a database of its own on the shared Mongo endpoint ({@link PeakonIntegrationTest});
 * {@link #api} to call it and {@link #db()} to seed it ({@link SeedData}) in a {@code @BeforeAll} of the test class,
 * which runs after this one. A test class adds its own settings with {@code @TestPropertySource}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "browse.token=" + ApiClient.TOKEN)
@PeakonIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowseApiFixture {

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @Autowired
    private MongoClient client;

    @Value("${spring.mongodb.database}")
    private String database;

    @BeforeAll
    protected void connect() {
        api = new ApiClient(port);
    }

    /** The test class's own database, where the service reads. */
    protected MongoDatabase db() {
        return client.getDatabase(database);
    }
}
