package org.peakoningest.fetcher.config;

import org.springframework.scheduling.support.CronExpression;

/**
 * {@code SCHEDULE_CRON} as the brief writes it (5 fields, {@code 0 3 * * 1}) or in Spring's 6-field form with
 * seconds; both become Spring's form here.
 */
public final class CronSchedule {

    private CronSchedule() {
    }

    /** The 6-field Spring expression for a 5- or 6-field cron. */
    public static String toSpring(String cron) {
        String trimmed = cron.trim();
        int fields = trimmed.split("\\s+").length;
        if (fields == 5) {
            return "0 " + trimmed;
        }
        if (fields == 6) {
            return trimmed;
        }
        throw new IllegalArgumentException("expected 5 or 6 fields, got " + fields);
    }

    public static boolean isValid(String cron) {
        try {
            CronExpression.parse(toSpring(cron));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
