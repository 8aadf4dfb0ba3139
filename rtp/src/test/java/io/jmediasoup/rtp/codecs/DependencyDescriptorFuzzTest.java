package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The dependency descriptors of one stream, as a media peer may send them: the input is a
 * sequence of descriptors, each behind a byte of its length, read in turn against the
 * structure the earlier ones left. Each sits in a buffer exactly its size, so a read past it
 * throws; whatever reads must name layers its structure has.
 */
class DependencyDescriptorFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void parseSequence(byte[] input) {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        int index = 0;
        while (index < input.length) {
            int length = Math.min(input[index] & 0xFF, input.length - index - 1);
            ByteBuf buffer = Unpooled.directBuffer(length, length).writeBytes(input, index + 1, length);
            try {
                if (descriptor.parse(buffer, 0, length)) {
                    check(descriptor);
                }
            } finally {
                buffer.release();
            }
            index += 1 + length;
        }
    }

    private static void check(DependencyDescriptor descriptor) {
        assertTrue(descriptor.templateCount() >= 1 && descriptor.templateCount() <= 64);
        assertTrue(descriptor.decodeTargetCount() >= 1 && descriptor.decodeTargetCount() <= 32);
        assertTrue(descriptor.spatialLayer() >= 0 && descriptor.spatialLayer() <= descriptor.maxSpatialId());
        assertTrue(descriptor.temporalLayer() >= 0 && descriptor.temporalLayer() <= descriptor.maxTemporalId());
        long active = descriptor.activeDecodeTargets();
        assertTrue(active == -1 || active >= 0 && active < 1L << descriptor.decodeTargetCount());
    }
}
