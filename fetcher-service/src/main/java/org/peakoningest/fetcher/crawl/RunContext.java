package org.peakoningest.fetcher.crawl;

import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * What every collection crawl of one run shares.
 *
 * @param dryRun when true nothing is published or persisted (cursors, tokens)
 */
public record RunContext(String runId, SyncMode mode, boolean dryRun, RecordPublisher publisher) {}
