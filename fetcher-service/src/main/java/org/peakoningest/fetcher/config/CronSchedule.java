package org.peakoningest.fetcher.config;

/**
 * {@code SCHEDULE_CRON} as the brief writes it (5 fields, {@code 0 3 * * 1}) or in Spring's 6-field form with
 * seconds; both become Spring's form here.
 */
public final class CronSchedule {

    private CronSchedule() {}

    /** The Spring expression for a 5-field cron; any other is returned as it is, for Spring to judge. */
    public static String toSpring(String cron) {
        String trimmed = cron.trim();
        return trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    }
}
