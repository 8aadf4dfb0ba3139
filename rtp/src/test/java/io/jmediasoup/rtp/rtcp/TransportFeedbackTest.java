package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transport-cc feedback against real packets (mediasoup's C++ test data and one from Chrome), parsed and rebuilt. */
class TransportFeedbackTest {
    /** One 1-bit status vector chunk: 7 received, 3 lost, 3 received; ten small deltas. */
    static final String ONE_BIT_VECTOR = "8fcd0007fa17fa1709faff670027000d5fc2f103bf8e100000000000001c0400";
    static final String NEGATIVE_REFERENCE = "8fcd0004fa17fa1709faff6700270000fffffe01";
    /** From Chrome: a run-length chunk of two small deltas. */
    static final String CHROME = "8fcd0005fa17fa1739e9423800010002bd57aa0020028c44";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(ONE_BIT_VECTOR, 39, 13, 6275825, 3,
                        new int[] {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1}),
                Arguments.of(NEGATIVE_REFERENCE, 39, 0, -2, 1, new int[0]),
                Arguments.of(CHROME, 1, 2, -4368470, 0, new int[] {1, 1}));
    }

    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void parsesAndRebuildsByteForByte(String hex, int base, int count, int referenceTime, int fbCount, int[] statuses) {
        ByteBuf in = buffer(hex);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(in);
            assertTrue(reader.next());
            assertTrue(TransportFeedback.is(reader));
            TransportFeedback feedback = new TransportFeedback();
            assertTrue(feedback.parse(reader));
            assertEquals(0xfa17fa17L, feedback.senderSsrc());
            assertEquals(base, feedback.baseSequenceNumber());
            assertEquals(count, feedback.packetStatusCount());
            assertEquals(referenceTime, feedback.referenceTime());
            assertEquals(fbCount, feedback.feedbackPacketCount());
            for (int i = 0; i < count; i++) {
                assertEquals(statuses[i], feedback.status(i), "status " + i);
            }
            long lost = Arrays.stream(statuses).filter(status -> status == TransportFeedback.NOT_RECEIVED).count();
            assertEquals(count == 0 ? 0 : (double) lost / count, feedback.lossRatio(), 1e-9);

            TransportFeedback rebuilt = new TransportFeedback();
            rebuilt.reset(feedback.senderSsrc(), feedback.mediaSsrc(), base, fbCount,
                    referenceTime * TransportFeedback.REFERENCE_TIME_US);
            for (int i = 0; i < count; i++) {
                if (feedback.received(i)) {
                    assertTrue(rebuilt.addReceived(base + i, feedback.receiveTimeUs(i)));
                }
            }
            rebuilt.write(out);
            assertEquals(hex, ByteBufUtil.hexDump(out));
        } finally {
            in.release();
            out.release();
        }
    }

    @Test
    void receiveTimesAddTheDeltasToTheReferenceTime() {
        ByteBuf in = buffer(CHROME);
        try {
            TransportFeedback feedback = new TransportFeedback();
            assertTrue(feedback.parse(in, 0, in.readableBytes()));
            long reference = -4368470L * 64_000;
            assertEquals(reference + 0x8c * 250, feedback.receiveTimeUs(0));
            assertEquals(reference + (0x8c + 0x44) * 250, feedback.receiveTimeUs(1));
        } finally {
            in.release();
        }
    }

    /** Lost packets, a large and a negative delta, and a long run: every chunk kind, read back as written. */
    @Test
    void buildsEveryChunkKindAndReadsItBack() {
        TransportFeedback built = new TransportFeedback();
        // A multiple of 64 ms, so that every receive time is exact in 250 µs ticks.
        long t0 = 1_000_000_000L;
        built.reset(1, 2, 65530, 7, t0);
        long[] times = new long[40];
        int[] seqs = new int[40];
        int n = 0;
        long t = t0;
        for (int i = 0; i < 30; i++) {
            int seq = (65530 + i) & 0xFFFF;
            if (i == 3 || i == 4) {
                continue;
            }
            t += i == 5 ? 100_000 : i == 6 ? -2_000 : 1_000;
            seqs[n] = seq;
            times[n++] = t;
            assertTrue(built.addReceived(seq, t));
        }
        assertFalse(built.addReceived(65531, t), "not after the previous one");
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            built.write(out);
            assertEquals(0, out.readableBytes() % 4);
            TransportFeedback read = new TransportFeedback();
            assertTrue(read.parse(out, 0, out.readableBytes()));
            assertEquals(30, read.packetStatusCount());
            assertEquals(7, read.feedbackPacketCount());
            assertEquals(TransportFeedback.NOT_RECEIVED, read.status(3));
            assertEquals(TransportFeedback.LARGE_DELTA, read.status(5));
            assertEquals(TransportFeedback.LARGE_DELTA, read.status(6));
            for (int k = 0; k < n; k++) {
                int i = (seqs[k] - 65530) & 0xFFFF;
                assertEquals(times[k], read.receiveTimeUs(i), "time of " + seqs[k]);
            }
        } finally {
            out.release();
        }
    }

    @Test
    void truncatedDeltasAreRejected() {
        String truncated = ONE_BIT_VECTOR.substring(0, ONE_BIT_VECTOR.length() - 8);
        ByteBuf in = buffer(truncated);
        try {
            assertFalse(new TransportFeedback().parse(in, 0, in.readableBytes()));
        } finally {
            in.release();
        }
    }
}
