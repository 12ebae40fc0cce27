package org.rcsweep.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes of canonical configuration strings, and the seeds derived from them. */
public final class ContentHash {
    private ContentHash() {
    }

    /** The first 16 bytes of SHA-256 of the UTF-8 text, as 32 lowercase hex digits. */
    public static String of(String canonicalText) {
        return HexFormat.of().formatHex(digest(canonicalText), 0, 16);
    }

    /**
     * The seed of a configuration: derived from the sweep seed and the configuration's content hash only, so it
     * never depends on partitioning, task attempt or the order points are planned in.
     */
    public static long derivedSeed(long sweepSeed, String contentHashHex) {
        byte[] bytes = HexFormat.of().parseHex(contentHashHex.substring(0, 16));
        long idBits = ByteBuffer.wrap(bytes).getLong();
        return SplitMix64.mix(SplitMix64.mix(sweepSeed) ^ idBits);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
