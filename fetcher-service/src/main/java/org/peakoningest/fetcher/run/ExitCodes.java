package org.peakoningest.fetcher.run;

import org.peakoningest.servicesupport.ServiceCommandLine;

/** Process exit statuses of the fetcher. */
public final class ExitCodes {

    /** The run succeeded. */
    public static final int SUCCESS = 0;
    /** The run failed or was partial (a fetcher's own run is never abandoned: that is another's verdict on it). */
    public static final int RUN_FAILED = 1;
    /** A configuration problem: bad or missing setting, MongoDB or Kafka unreachable. */
    public static final int CONFIGURATION = ServiceCommandLine.CONFIGURATION;
    /** Another fetcher holds the crawl lock (EX_TEMPFAIL): try again later. */
    public static final int LOCK_HELD = 75;

    private ExitCodes() {}
}
