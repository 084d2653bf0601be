// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of fetcher-service/src/main/java/org/peakoningest/fetcher/crawl/KeyParts.java as
// of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.fetcher;

import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKeys;
import tools.jackson.core.JsonParser;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.TokenFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.TokenBuffer;

/**
 * The part of an item the document-key rules read ({@link DocumentKeys#naturalKeyOf}): {@code id},
 * {@code attributes.answerId} and {@code attributes.scores.time}, as a tree built through Jackson's token filter,
 * so the item's full tree (a node and a map entry per member) is not built for every item.
 *
 * <p>The filter keeps the values at those paths whole, an object or array on the way to them empty, and a scalar
 * where the path expects an object as it is; members named twice all pass and the tree keeps the last, at the
 * first's place. So every path holds what the full tree holds there.
 */
final class KeyParts extends TokenFilter {

    private static final KeyParts ITEM = new KeyParts(0);
    private static final KeyParts ATTRIBUTES = new KeyParts(1);
    private static final KeyParts SCORES = new KeyParts(2);

    /** 0: the item, 1: {@code attributes}, 2: {@code attributes.scores}. */
    private final int level;

    private KeyParts(int level) {
        this.level = level;
    }

    /** The key parts of the item in {@code item}. */
    static JsonNode of(TokenBuffer item) {
        try (JsonParser parts =
                new FilteringParserDelegate(item.asParser(), ITEM, Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            return ContractJson.mapper().readTree(parts);
        }
    }

    @Override
    public TokenFilter includeProperty(String name) {
        return switch (level) {
            case 0 -> name.equals("id") ? INCLUDE_ALL : name.equals("attributes") ? ATTRIBUTES : null;
            case 1 -> name.equals("answerId") ? INCLUDE_ALL : name.equals("scores") ? SCORES : null;
            default -> name.equals("time") ? INCLUDE_ALL : null;
        };
    }

    @Override
    public TokenFilter includeElement(int index) {
        return null; // no key part lies inside an array
    }

    @Override
    public boolean includeEmptyObject(boolean contentsFiltered) {
        return true; // an object on the path without key parts still replaces an earlier member of its name
    }

    @Override
    public boolean includeEmptyArray(boolean contentsFiltered) {
        return true;
    }
}
