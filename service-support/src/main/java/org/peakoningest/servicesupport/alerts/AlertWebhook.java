package org.peakoningest.servicesupport.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to {@code ALERT_WEBHOOK_URL}: a JSON object whose {@code text} is what a Slack incoming webhook shows,
 * followed by the alert's fields ({@code service}, {@code event}, run id, …) for any other receiver. Slack ignores
 * the extra fields; a generic receiver gets everything as JSON.
 *
 * <p>It never holds up the caller and never fails it: {@link #send} only queues the alert (a bounded queue of
 * {@value #QUEUE} alerts; when it is full the alert is dropped with a warning) and one daemon thread delivers it,
 * retrying a connection error, a timeout, a 429 or a 5xx with exponential backoff (Spring's {@link RetryTemplate}).
 * Another 4xx is not retried (the URL or the receiver is wrong; a retry would get the same answer). An alert that
 * cannot be delivered is logged and dropped: ingestion goes on. On shutdown it waits up to {@value #DRAIN_SECONDS} s
 * for the queued alerts, so a one-shot {@code ingest} that failed still reports it. The URL is a secret (a Slack
 * webhook URL is its own credential): it is never logged.
 */
public final class AlertWebhook implements AutoCloseable {

    static final int QUEUE = 100;
    static final int DRAIN_SECONDS = 20;

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String service;
    private final HttpClient http;
    private final RetryTemplate retry;
    private final ThreadPoolExecutor sender;
    private final Duration drain;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param url     where to post; null or blank: alerts are only logged
     * @param service the sending service ({@code fetcher}, {@code writer}), a field of every alert
     * @param backoff the first wait before a retry (it doubles, up to 30 s; 4 retries)
     */
    public AlertWebhook(String url, String service, Duration backoff) {
        this(url, service, backoff, Duration.ofSeconds(DRAIN_SECONDS));
    }

    /** @param drain how long {@link #close} waits for queued alerts */
    AlertWebhook(String url, String service, Duration backoff, Duration drain) {
        this.drain = drain;
        this.url = url == null || url.isBlank() ? null : uri(url.strip());
        this.service = service;
        this.http = HttpClient.newBuilder()
                .connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(4)
                .delay(backoff)
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(30))
                .predicate(e -> e instanceof IOException || e instanceof RetryableStatus)
                .build());
        this.sender =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "alert-webhook");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The URL, or a configuration error that does not quote it (it is a secret). */
    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationProblem("ALERT_WEBHOOK_URL", "is not a valid http(s) URL");
        }
    }

    /** Production backoff: 1 s, 2 s, 4 s, 8 s. */
    public AlertWebhook(String url, String service) {
        this(url, service, Duration.ofSeconds(1));
    }

    public boolean enabled() {
        return url != null;
    }

    /** Queues the alert for delivery and returns at once; never throws. */
    public void send(Alert alert) {
        // The log line is the alert for whoever reads the logs, with or without a webhook.
        log.warn("alert {}: {}", alert.event(), alert.text());
        if (url == null) {
            return;
        }
        try {
            sender.execute(() -> deliver(alert));
        } catch (RejectedExecutionException e) {
            log.warn("alert {} not sent: {} alerts are already waiting for the webhook", alert.event(), QUEUE);
        }
    }

    private void deliver(Alert alert) {
        byte[] body = body(alert);
        try {
            retry.execute(() -> {
                post(body);
                return null;
            });
        } catch (RetryException e) {
            log.warn(
                    "alert {} could not be delivered to ALERT_WEBHOOK_URL after {} attempt(s): {}",
                    alert.event(),
                    e.getRetryCount() + 1,
                    e.getLastException().toString());
        } catch (RuntimeException e) {
            log.warn("alert {} could not be delivered to ALERT_WEBHOOK_URL: {}", alert.event(), e.toString());
        }
    }

    private void post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 429 || status >= 500) {
            throw new RetryableStatus(status);
        }
        if (status >= 300) {
            throw new IllegalStateException("the webhook answered HTTP " + status + " (not retried)");
        }
    }

    byte[] body(Alert alert) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", alert.text());
        payload.put("service", service);
        payload.put("event", alert.event());
        alert.fields().forEach(payload::putIfAbsent);
        return json.writeValueAsBytes(payload);
    }

    /** A 429 or 5xx: the receiver may take it later. */
    static final class RetryableStatus extends RuntimeException {
        RetryableStatus(int status) {
            super("the webhook answered HTTP " + status);
        }
    }

    /** Delivers what is queued for up to {@value #DRAIN_SECONDS} s (by default), then gives up on the rest. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("alerts still unsent after {} on shutdown are dropped", drain);
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
