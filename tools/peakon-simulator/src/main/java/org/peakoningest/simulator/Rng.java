package org.peakoningest.simulator;

/**
 * Stateless, seedable pseudo-randomness (SplitMix64 finaliser). Every synthetic value is a pure function of
 * (seed, index, salt), which is what makes answers generable lazily by index and responses byte-identical per seed.
 */
final class Rng {

    private Rng() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of (seed, index, salt). */
    static long hash(long seed, long index, long salt) {
        return mix(seed * 0x9E3779B97F4A7C15L + mix(index + salt * 0xD1B54A32D192ED03L));
    }

    /** The k-th derived value of a hash, for several independent draws per item. */
    static long next(long h, int k) {
        return mix(h + k * 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, n). */
    static int pick(long h, int n) {
        return (int) Long.remainderUnsigned(h, n);
    }

    /** Uniform in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    static long hashOf(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix(h);
    }
}
