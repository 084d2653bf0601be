package org.peakoningest.simulator;

/**
 * A context scores are served for: the company or one segment.
 *
 * @param id         {@code company_<id>} or {@code segment_<id>}
 * @param salt       mixed into every score hash, so each context has its own values (0 for the company)
 * @param population the employees the context covers: the {@code total} of its participation
 */
record ScoreContext(String id, long salt, int population) {}
