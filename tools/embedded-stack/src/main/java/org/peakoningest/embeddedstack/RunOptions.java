package org.peakoningest.embeddedstack;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What {@code ./peakon-ingest run} was asked for (the launcher's command line turns its flags into this).
 *
 * @param answers   simulator size, empty = the simulator's default
 * @param employees simulator size, empty = the simulator's default
 * @param writers   writer processes to start
 * @param fullSync  pass {@code --full-sync} to the fetcher
 * @param keepRunning leave every process running after the summary
 * @param persist   keep Kafka's data and Mongo (H2 file) between runs
 * @param timeout   how long to wait for the fetcher and for the landing
 */
record RunOptions(
        OptionalInt answers,
        OptionalInt employees,
        int writers,
        boolean fullSync,
        boolean keepRunning,
        boolean persist,
        Duration timeout) {}
