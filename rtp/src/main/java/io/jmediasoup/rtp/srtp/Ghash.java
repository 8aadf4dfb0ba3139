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
 * X·H is computed from per-key tables of b·H for every byte value b (Shoup's method, 8 bits at
 * a time): as four independent chains over the four 4-byte words of X, each with its table
 * premultiplied by x^32, x^64 or x^96, so that the processor runs them side by side instead of
 * one chain of 16 dependent steps. 16 KiB of tables per key; no branch depends on the data.
 */
final class Ghash {
    static final int BLOCK = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** x^128 = x^7 + x^2 + x + 1, in the top byte: what multiplying by x folds back when bit 127 falls off. */
    private static final long R = 0xE100000000000000L;
    private static final int CHAINS = 4;
    /** (r·x^120)·x^8 for the byte r that a shift by 8 drops: it lands in the top 16 bits of the first long. */
    private static final long[] REDUCE = new long[256];

    static {
        for (int r = 0; r < 256; r++) {
            long[] v = {0, r};
            for (int i = 0; i < 8; i++) {
                timesX(v);
            }
            REDUCE[r] = v[0];
        }
    }

    /** Chain c's entry for byte b at [c * 512 + 2b] (high long) and the next index (low long): b·H·x^(32c). */
    private final long[] table = new long[CHAINS * 512];
    private final byte[] partial = new byte[BLOCK];
    private int pending;
    private long yh;
    private long yl;

    Ghash(byte[] h) {
        long[] v = {(long) LONGS.get(h, 0), (long) LONGS.get(h, 8)};
        for (int c = 0; c < CHAINS; c++) {
            int base = c * 512;
            // The byte with only bit k of GCM's order set (0x80 >>> k) is x^k.
            for (int bit = 0x80; bit != 0; bit >>>= 1) {
                table[base + 2 * bit] = v[0];
                table[base + 2 * bit + 1] = v[1];
                timesX(v);
            }
            for (int b = 2; b < 256; b++) {
                int low = Integer.lowestOneBit(b);
                if (low != b) {
                    table[base + 2 * b] = table[base + 2 * low] ^ table[base + 2 * (b ^ low)];
                    table[base + 2 * b + 1] = table[base + 2 * low + 1] ^ table[base + 2 * (b ^ low) + 1];
                }
            }
            // v is H·x^(32c+8) now; the next chain starts at H·x^(32c+32).
            for (int i = 8; i < 32; i++) {
                timesX(v);
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
            block(partial, 0);
            pending = 0;
        }
        for (; offset + BLOCK <= end; offset += BLOCK) {
            block(data, offset);
        }
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
            block(partial, 0);
            pending = 0;
        }
    }

    /** Hashes the final block of bit lengths and writes the hash at {@code out[offset..offset+16)}. */
    void finish(long aadLength, long dataLength, byte[] out, int offset) {
        pad();
        multiply(yh ^ (aadLength << 3), yl ^ (dataLength << 3));
        LONGS.set(out, offset, yh);
        LONGS.set(out, offset + 8, yl);
    }

    private void block(byte[] data, int offset) {
        multiply(yh ^ (long) LONGS.get(data, offset), yl ^ (long) LONGS.get(data, offset + 8));
    }

    /** Y = X·H: chain c runs Horner's rule over the bytes of word c of X, last byte first. */
    private void multiply(long xh, long xl) {
        long[] t = table;
        int w0 = (int) (xh >>> 32);
        int w1 = (int) xh;
        int w2 = (int) (xl >>> 32);
        int w3 = (int) xl;
        long h0 = 0;
        long l0 = 0;
        long h1 = 0;
        long l1 = 0;
        long h2 = 0;
        long l2 = 0;
        long h3 = 0;
        long l3 = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int r0 = (int) l0 & 0xFF;
            int r1 = (int) l1 & 0xFF;
            int r2 = (int) l2 & 0xFF;
            int r3 = (int) l3 & 0xFF;
            l0 = (l0 >>> 8) | (h0 << 56);
            l1 = (l1 >>> 8) | (h1 << 56);
            l2 = (l2 >>> 8) | (h2 << 56);
            l3 = (l3 >>> 8) | (h3 << 56);
            int i0 = ((w0 >>> shift) & 0xFF) << 1;
            int i1 = 512 + (((w1 >>> shift) & 0xFF) << 1);
            int i2 = 1024 + (((w2 >>> shift) & 0xFF) << 1);
            int i3 = 1536 + (((w3 >>> shift) & 0xFF) << 1);
            h0 = (h0 >>> 8) ^ REDUCE[r0] ^ t[i0];
            h1 = (h1 >>> 8) ^ REDUCE[r1] ^ t[i1];
            h2 = (h2 >>> 8) ^ REDUCE[r2] ^ t[i2];
            h3 = (h3 >>> 8) ^ REDUCE[r3] ^ t[i3];
            l0 ^= t[i0 + 1];
            l1 ^= t[i1 + 1];
            l2 ^= t[i2 + 1];
            l3 ^= t[i3 + 1];
        }
        yh = h0 ^ h1 ^ h2 ^ h3;
        yl = l0 ^ l1 ^ l2 ^ l3;
    }
}
