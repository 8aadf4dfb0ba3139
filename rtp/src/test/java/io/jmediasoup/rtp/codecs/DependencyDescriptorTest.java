package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dependency descriptor (AV1 RTP specification, Appendix A) read packet after packet of
 * one stream. Vectors: descriptors Chromium 150 sent for AV1 (captured at the worker in
 * {@code e2e-browser --era 3.32}: L1T1, and L3T3_KEY with and without active decode targets),
 * and structures written by the spec's syntax for libwebrtc's L1T3 and L2T2.
 */
class DependencyDescriptorTest {
    /** L1T3: five templates S0T0 S0T0 S0T1 S0T2 S0T2, three decode targets, one chain; template id offset 1. */
    private static final String L1T3_KEY = "810064802214eaa860414d1410208426";
    /** L2T2: six templates over two spatial layers, four decode targets, two chains, render resolutions. */
    private static final String L2T2_KEY = "c000058003187aaaa110a0a014504108a08c00844844844a027e016604fe02ce";

    /** Chromium's AV1 L1T1: two templates (S0T0), one decode target, one chain, 640x480. */
    private static final String CHROMIUM_L1T1_KEY = "80000180003a4101813f80ef80";
    /** Chromium's AV1 L3T3_KEY: 15 templates over three spatial layers, nine decode targets, three chains, three resolutions. */
    private static final String CHROMIUM_L3T3_KEY = "c0015f80081485214eaaaaa8000600004000100002aa80a8000600004000100002a000a8000600004"
            + "00016d549241b5524906d54923157e001974ca864330e222396eca8655304224390eca87753013f00b3027f016704ff02cf";
    /** The same structure after its resolutions, with the six decode targets of spatial layers 0 and 1 active. */
    private static final String CHROMIUM_L3T3_KEY_ACTIVE = "c00001c0081485214eaaaaa8000600004000100002aa80a8000600004000100002a000a80006"
            + "0000400016d549241b5524906d54923157e001974ca864330e222396eca8655304224390eca87753013f00b3027f016704ff02cf1f80";

    private static boolean parse(DependencyDescriptor descriptor, String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        // Exactly as large as the descriptor after two other bytes, so a read past it throws.
        ByteBuf buffer = Unpooled.buffer(bytes.length + 2, bytes.length + 2).writeZero(2).writeBytes(bytes);
        return descriptor.parse(buffer, 2, bytes.length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, descriptors before (|-separated), descriptor, start, end, template id, frame number, key frame, spatial, temporal, active decode targets
        "Chromium L1T1 key frame, '', " + CHROMIUM_L1T1_KEY + ", true, false, 0, 1, true, 0, 0, 1",
        "Chromium L1T1 delta frame, " + CHROMIUM_L1T1_KEY + ", c1002a, true, true, 1, 42, false, 0, 0, -1",
        "Chromium L3T3_KEY key frame, '', " + CHROMIUM_L3T3_KEY + ", true, true, 0, 351, true, 0, 0, 511",
        "Chromium L3T3_KEY key frame with active decode targets, '', " + CHROMIUM_L3T3_KEY_ACTIVE
                + ", true, true, 0, 1, true, 0, 0, 63",
        "Chromium L3T3_KEY S1T0, " + CHROMIUM_L3T3_KEY + ", 850160, true, false, 5, 352, false, 1, 0, -1",
        "Chromium L3T3_KEY S2T0, " + CHROMIUM_L3T3_KEY + ", 0a0161, false, false, 10, 353, false, 2, 0, -1",
        "Chromium L3T3_KEY S0T2, " + CHROMIUM_L3T3_KEY + ", c30162, true, true, 3, 354, false, 0, 2, -1",
        "Chromium L3T3_KEY S1T2, " + CHROMIUM_L3T3_KEY + ", c80163, true, true, 8, 355, false, 1, 2, -1",
        "Chromium L3T3_KEY S2T2, " + CHROMIUM_L3T3_KEY + ", 8d0164, true, false, 13, 356, false, 2, 2, -1",
        "Chromium L3T3_KEY S0T2 with custom frame diffs and chains, " + CHROMIUM_L3T3_KEY
                + ", c300031a20100800, true, true, 3, 3, false, 0, 2, -1",
        "L1T3 key frame, '', " + L1T3_KEY + ", true, false, 1, 100, true, 0, 0, 7",
        "L1T3 delta of template 3, " + L1T3_KEY + ", 440065, false, true, 4, 101, false, 0, 2, -1",
        "L1T3 delta with active decode targets, " + L1T3_KEY + ", c3006643, true, true, 3, 102, false, 0, 1, 3",
        "L2T2 key frame, '', " + L2T2_KEY + ", true, true, 0, 5, true, 0, 0, 15",
        "L2T2 delta of template 5, " + L2T2_KEY + ", c50006, true, true, 5, 6, false, 1, 1, -1",
        "L2T2 key frame with active decode targets after its resolutions, '', "
                + "c00005c003187aaaa110a0a014504108a08c00844844844a027e016604fe02ce60, true, true, 0, 5, true, 0, 0, 3",
        "a new structure replaces the old, " + L2T2_KEY + ", " + L1T3_KEY + ", true, false, 1, 100, true, 0, 0, 7",
    })
    void reads(String name, String before, String hex, boolean start, boolean end, int templateId, int frameNumber,
            boolean keyFrame, int spatialLayer, int temporalLayer, long activeDecodeTargets) {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        for (String previous : before.isEmpty() ? new String[0] : before.split("\\|")) {
            assertTrue(parse(descriptor, previous));
        }
        assertTrue(parse(descriptor, hex));
        assertEquals(start, descriptor.startOfFrame());
        assertEquals(end, descriptor.endOfFrame());
        assertEquals(templateId, descriptor.templateId());
        assertEquals(frameNumber, descriptor.frameNumber());
        assertEquals(keyFrame, descriptor.isKeyFrame());
        assertEquals(spatialLayer, descriptor.spatialLayer());
        assertEquals(temporalLayer, descriptor.temporalLayer());
        assertEquals(activeDecodeTargets, descriptor.activeDecodeTargets());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Chromium L1T1, " + CHROMIUM_L1T1_KEY + ", 2, 1, 0, 0",
        "Chromium L3T3_KEY, " + CHROMIUM_L3T3_KEY + ", 15, 9, 2, 2",
        "L1T3, " + L1T3_KEY + ", 5, 3, 0, 2",
        "L2T2, " + L2T2_KEY + ", 6, 4, 1, 1",
    })
    void keepsTheStructure(String name, String hex, int templates, int decodeTargets, int maxSpatialId, int maxTemporalId) {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        assertTrue(parse(descriptor, hex));
        assertEquals(templates, descriptor.templateCount());
        assertEquals(decodeTargets, descriptor.decodeTargetCount());
        assertEquals(maxSpatialId, descriptor.maxSpatialId());
        assertEquals(maxTemporalId, descriptor.maxTemporalId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shorter than its mandatory fields, '', 8100",
        "a delta frame before any structure, '', 440065",
        "a structure cut short, '', 810064802214eaa86041",
        "a template the structure does not have, " + L1T3_KEY + ", 470065",
        "active decode targets before any structure, '', c3006643",
    })
    void refuses(String name, String before, String hex) {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        if (!before.isEmpty()) {
            assertTrue(parse(descriptor, before));
        }
        assertFalse(parse(descriptor, hex));
    }

    @Test
    void aStructureCutShortLeavesTheStreamsStructure() {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        assertTrue(parse(descriptor, L1T3_KEY));
        assertFalse(parse(descriptor, L2T2_KEY.substring(0, 30)));
        assertEquals(5, descriptor.templateCount());
        assertTrue(parse(descriptor, "440065"));
        assertEquals(2, descriptor.temporalLayer());
    }

    @Test
    void aTemplateOutOfRangeKeepsTheStructureItBrought() {
        DependencyDescriptor descriptor = new DependencyDescriptor();
        // The L1T3 key frame's structure, naming template id 7 (index 6 of 5).
        assertFalse(parse(descriptor, "87" + L1T3_KEY.substring(2)));
        assertEquals(5, descriptor.templateCount());
        assertTrue(parse(descriptor, "440065"));
    }
}
