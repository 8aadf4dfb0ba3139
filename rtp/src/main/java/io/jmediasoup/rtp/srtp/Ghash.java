package io.jmediasoup.rtp.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * GHASH of GCM (NIST SP 800-38D §6.4) under one hash subkey H, over heap arrays without
 * allocation: the JCE keeps its own GHASH (with the carry-less multiply intrinsic) internal.
 *
 * <p>A field element is two longs, the 16 bytes big-endian, so bit 0 of GCM's order (the
 * coefficient of 1) is the top bit of the first long and multiplying by x is a right shift.
 * X·H is table-driven: for each of the four byte positions p of a 32-bit word and each byte
 * value b, the tables hold b·x^(8p)·H, so a word of X times H is the XOR of four entries; the
 * four words are joined by Horner's rule in x^32, whose reduction is a few shifts since
 * x^128 = x^7 + x^2 + x + 1. 16 KiB of tables per key (against 64 KiB for a table per byte
 * position, which a probe found no faster); no branch depends on the data.
 */
final class Ghash {
    static final int BLOCK = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** x^128 = x^7 + x^2 + x + 1, in the top byte: what multiplying by x folds back when bit 127 falls off. */
    private static final long R = 0xE100000000000000L;

    /** b·x^(8p)·H at [p << 8 | b]: the first long of the product, and the second. */
    private final long[] high = new long[4 * 256];
    private final long[] low = new long[4 * 256];
    private final byte[] partial = new byte[BLOCK];
    private int pending;
    private long yh;
    private long yl;

    Ghash(byte[] h) {
        long[] v = {(long) LONGS.get(h, 0), (long) LONGS.get(h, 8)};
        for (int p = 0; p < 4; p++) {
            int base = p << 8;
            // The byte with only bit k of GCM's order set (0x80 >>> k) is x^k; v runs through x^(8p+k)·H.
            for (int bit = 0x80; bit != 0; bit >>>= 1) {
                high[base | bit] = v[0];
                low[base | bit] = v[1];
                timesX(v);
            }
            for (int b = 3; b < 256; b++) {
                int lowest = Integer.lowestOneBit(b);
                if (lowest != b) {
                    high[base | b] = high[base | lowest] ^ high[base | (b ^ lowest)];
                    low[base | b] = low[base | lowest] ^ low[base | (b ^ lowest)];
                }
            }
        }
    }

    private static void timesX(long[] v) {
        long carry = v[1] & 1;
        v[1] = (v[1] >>> 1) | (v[0] << 63);
        v[0] = (v[0] >>> 1) ^ (-carry & R);
    }

    /** Starts a new hash. */
    void reset() {
        yh = 0;
        yl = 0;
        pending = 0;
    }

    /** Hashes {@code data[offset..offset+length)} after what came before it in this segment. */
    void update(byte[] data, int offset, int length) {
        int end = offset + length;
        if (pending > 0) {
            int take = Math.min(BLOCK - pending, length);
            System.arraycopy(data, offset, partial, pending, take);
            pending += take;
            offset += take;
            if (pending < BLOCK) {
                return;
            }
            blocks(partial, 0, BLOCK);
            pending = 0;
        }
        int whole = offset + ((end - offset) & -BLOCK);
        blocks(data, offset, whole);
        offset = whole;
        if (offset < end) {
            pending = end - offset;
            System.arraycopy(data, offset, partial, 0, pending);
        }
    }

    /** Ends a segment (the associated data, the ciphertext): its last block is padded with zeros. */
    void pad() {
        if (pending > 0) {
            for (int i = pending; i < BLOCK; i++) {
                partial[i] = 0;
            }
            blocks(partial, 0, BLOCK);
            pending = 0;
        }
    }

    /** Hashes the final block of bit lengths and writes the hash at {@code out[offset..offset+16)}. */
    void finish(long aadLength, long dataLength, byte[] out, int offset) {
        pad();
        LONGS.set(partial, 0, aadLength << 3);
        LONGS.set(partial, 8, dataLength << 3);
        blocks(partial, 0, BLOCK);
        LONGS.set(out, offset, yh);
        LONGS.set(out, offset + 8, yl);
    }

    /**
     * Hashes the whole blocks of {@code data[offset..end)}: Y = (Y + X)·H for each, with
     * X·H = W0 + x^32·(W1 + x^32·(W2 + x^32·W3)) where Wq is word q of X times H. Multiplying by
     * x^32 shifts out the terms x^128 to x^159 ({@code fold}, aligned as x^0 to x^31 of the
     * first long), and x^128 = x^7 + x^2 + x + 1 brings them back as fold·(1 + x + x^2 + x^7):
     * shifts by 0, 1, 2 and 7 that stay within the first long. One loop with Y in locals, since
     * a method per block is too big for the JIT to inline.
     */
    private void blocks(byte[] data, int offset, int end) {
        long[] th = high;
        long[] tl = low;
        long h = yh;
        long l = yl;
        for (; offset < end; offset += BLOCK) {
            long xh = h ^ (long) LONGS.get(data, offset);
            long xl = l ^ (long) LONGS.get(data, offset + 8);
            int w = (int) xl;
            h = word(th, w);
            l = word(tl, w);
            w = (int) (xl >>> 32);
            long fold = l << 32;
            l = (l >>> 32 | h << 32) ^ word(tl, w);
            h = (h >>> 32) ^ fold ^ (fold >>> 1) ^ (fold >>> 2) ^ (fold >>> 7) ^ word(th, w);
            w = (int) xh;
            fold = l << 32;
            l = (l >>> 32 | h << 32) ^ word(tl, w);
            h = (h >>> 32) ^ fold ^ (fold >>> 1) ^ (fold >>> 2) ^ (fold >>> 7) ^ word(th, w);
            w = (int) (xh >>> 32);
            fold = l << 32;
            l = (l >>> 32 | h << 32) ^ word(tl, w);
            h = (h >>> 32) ^ fold ^ (fold >>> 1) ^ (fold >>> 2) ^ (fold >>> 7) ^ word(th, w);
        }
        yh = h;
        yl = l;
    }

    /** The first or second long ({@code table} high or low) of the 32-bit word {@code w} of X times H. */
    private static long word(long[] table, int w) {
        return table[w >>> 24] ^ table[256 | (w >>> 16) & 0xFF] ^ table[512 | (w >>> 8) & 0xFF] ^ table[768 | w & 0xFF];
    }
}
