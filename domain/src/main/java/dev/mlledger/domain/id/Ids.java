package dev.mlledger.domain.id;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New ids: time-ordered UUIDs (version 7, RFC 9562), so that rows written together sit together in the
 * primary-key index instead of landing on random pages. Ids made by this JVM are strictly increasing (within a
 * millisecond the random part is counted up), so ordering by id is ordering by creation.
 */
public final class Ids {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_BITS = 0x8000000000000000L;
    private static final long RANDOM_LSB_MASK = 0x3FFFFFFFFFFFFFFFL;
    private static final Object LOCK = new Object();
    private static long lastMillis;
    private static long lastSequence;   // 12 bits of rand_a followed by 62 bits of rand_b, counted as one number
    private static long lastRandomB;

    private Ids() {
    }

    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long randA;
        long randB;
        synchronized (LOCK) {
            if (millis > lastMillis) {
                lastMillis = millis;
                lastSequence = random.nextLong() & 0x07FFL;   // leave room to count up within the millisecond
                lastRandomB = random.nextLong() & RANDOM_LSB_MASK & ~0xFFFFFFFFL;
            } else {
                millis = lastMillis;
                lastRandomB++;
                if ((lastRandomB & RANDOM_LSB_MASK) == 0) {
                    lastSequence++;
                }
            }
            randA = lastSequence & 0x0FFFL;
            randB = lastRandomB & RANDOM_LSB_MASK;
        }
        return new UUID((millis << 16) | VERSION_7 | randA, VARIANT_BITS | randB);
    }
}
