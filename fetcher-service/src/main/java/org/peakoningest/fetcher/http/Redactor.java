package org.peakoningest.fetcher.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Removes secrets (the app token, every bearer token seen) from text that may reach a log, an exception, a run
 * event or a metric, e.g. an error body excerpt that echoes the request.
 */
@Component
public final class Redactor {

    private static final int EXCERPT_LIMIT = 300;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    @Autowired
    Redactor(FetcherProperties props) {
        this(props.appToken());
    }

    public Redactor(String appToken) {
        remember(appToken);
    }

    public void remember(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "[redacted]");
        }
        return out;
    }

    /** A short single-line excerpt of an error body, redacted. */
    public String excerpt(String body) {
        String line = redact(body).replaceAll("\\s+", " ").trim();
        return line.length() <= EXCERPT_LIMIT ? line : line.substring(0, EXCERPT_LIMIT) + "…";
    }
}
