package org.peakoningest.fetcher.http;

import java.time.Duration;

/** Waits; replaceable in unit tests so backoff and budget logic are checked without real time passing. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()), 0);

    void sleep(Duration duration) throws InterruptedException;
}
