package org.peakoningest.fetcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Every request to Peakon goes through here: the rate budget is charged per attempt, transient failures are retried
 * with backoff (429 honours {@code Retry-After}), and a non-success answer becomes a {@link PeakonHttpException}
 * with a short, redacted body excerpt. A success body is handed to the caller as a stream, never buffered.
 */
@Component
public class PeakonHttp {

    /** Reads a successful response body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * One request.
     *
     * @param bearer      the bearer token, or null (authentication itself)
     * @param contentType the body's type, or null without a body
     */
    public record Request(HttpMethod method, URI uri, String bearer, MediaType contentType, byte[] body) {

        public static Request get(URI uri, String bearer) {
            return new Request(HttpMethod.GET, uri, bearer, null, null);
        }

        public static Request post(URI uri, MediaType type, String body) {
            return new Request(HttpMethod.POST, uri, null, type, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Method and path: enough to say which call failed, with no query and no credentials. */
        public String describe() {
            return method.name() + " " + uri.getRawPath();
        }
    }

    private static final int ERROR_BODY_BYTES = 4096;

    private final RestClient client;
    private final RateBudget budget;
    private final RetryTemplate retry;
    private final Redactor redactor;
    private final FetcherMetrics metrics;

    @Autowired
    PeakonHttp(FetcherProperties props, RateBudget budget, Redactor redactor, FetcherMetrics metrics) {
        this(
                props.httpTimeout(),
                budget,
                props.maxAttempts(),
                props.backoffInitial(),
                props.backoffMax(),
                redactor,
                metrics);
        metrics.budgetRemaining(budget::remaining);
    }

    public PeakonHttp(
            Duration timeout,
            RateBudget budget,
            int maxAttempts,
            Duration backoffInitial,
            Duration backoffMax,
            Redactor redactor,
            FetcherMetrics metrics) {
        // HttpURLConnection applies the read timeout to every socket read, so a body that stalls mid-stream fails
        // (and is retried) instead of hanging the crawl.
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        this.client = RestClient.builder().requestFactory(factory).build();
        this.budget = budget;
        this.redactor = redactor;
        this.metrics = metrics;
        this.retry = RetryTemplate.builder()
                .maxAttempts(maxAttempts)
                .retryOn(RetryPolicies::isTransient)
                .customBackoff(new RetryPolicies.JitteredBackOff(backoffInitial, backoffMax, metrics::retry))
                .build();
    }

    /**
     * Sends {@code request} (retrying transient failures) and reads the successful body with {@code reader}.
     *
     * @throws PeakonHttpException a non-success status, after the attempts allowed for a transient one
     */
    public <T> T send(Request request, BodyReader<T> reader) {
        return retry.execute(context -> attempt(request, reader));
    }

    private <T> T attempt(Request request, BodyReader<T> reader) {
        RateBudget.Permit permit;
        try {
            permit = budget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate budget", e);
        }
        // The permit is stamped when the answer starts (or the attempt fails), not when it was granted: Peakon
        // counts the request when it arrives, which may be well after the grant (see RateBudget).
        try (permit) {
            metrics.request();
            RestClient.RequestBodySpec spec = client.method(request.method())
                    .uri(request.uri())
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                    .header(HttpHeaders.ACCEPT_ENCODING, "gzip");
            if (request.bearer() != null) {
                spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + request.bearer());
            }
            if (request.body() != null) {
                spec = spec.contentType(request.contentType()).body(request.body());
            }
            return spec.exchange(
                    (req, res) -> {
                        int status = res.getStatusCode().value();
                        permit.sent();
                        InputStream body = decoded(res.getHeaders(), res.getBody());
                        if (status >= 200 && status < 300) {
                            return reader.read(body);
                        }
                        if (status == 429) {
                            metrics.rateLimited();
                        }
                        String excerpt = redactor.excerpt(readSome(body));
                        Duration retryAfter = status == 429
                                ? RetryAfter.parse(res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), Instant.now())
                                        .orElse(null)
                                : null;
                        throw new PeakonHttpException(request.describe(), status, excerpt, retryAfter);
                    },
                    true);
        }
    }

    private static InputStream decoded(HttpHeaders headers, InputStream body) throws IOException {
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        return encoding != null && encoding.trim().equalsIgnoreCase("gzip") ? new GZIPInputStream(body) : body;
    }

    private static String readSome(InputStream body) {
        try {
            return new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
