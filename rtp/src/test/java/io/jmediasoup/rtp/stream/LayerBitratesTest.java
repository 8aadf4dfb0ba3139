package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-layer bitrates of a 3x3 stream on a fake clock, and the sums a layered consumer decides by. */
class LayerBitratesTest {
    private static final long WINDOW_MS = 1000;

    /** Layer s.t received at (s * 3 + t + 1) * 1,000 bytes in the window: (s * 3 + t + 1) * 8,000 bps. */
    private static LayerBitrates allLayers() {
        LayerBitrates bitrates = new LayerBitrates(3, 3, WINDOW_MS);
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 3; t++) {
                bitrates.update(s, t, (s * 3 + t + 1) * 1000, 100);
            }
        }
        return bitrates;
    }

    @ParameterizedTest
    @CsvSource({
        // Spatial 0 up to temporal t: 8k, 8k + 16k, 8k + 16k + 24k.
        "0, 0, 8000",
        "0, 1, 24000",
        "0, 2, 48000",
        // Spatial 1 adds all of spatial 0 (48k) to its own layers up to t.
        "1, 0, 80000",
        "1, 2, 168000",
        // Spatial 2: spatial 0 and 1 whole (168k) and its own up to t.
        "2, 0, 224000",
        "2, 1, 288000",
        "2, 2, 360000",
    })
    void aReceiverOfLayersNeedsTheLowerSpatialLayersWholeAndThisOneUpToItsTemporalLayer(
            int spatial, int temporal, long bitrate) {
        assertEquals(bitrate, allLayers().bitrate(500, spatial, temporal));
    }

    @ParameterizedTest
    @CsvSource({"0, 48000", "1, 120000", "2, 192000"})
    void aSpatialLayerSumsItsTemporalLayers(int spatial, long bitrate) {
        assertEquals(bitrate, allLayers().spatialLayerBitrate(500, spatial));
    }

    @Test
    void theStreamBitrateSumsEveryLayerAndEachLayerStandsAlone() {
        LayerBitrates bitrates = allLayers();
        assertEquals(360_000, bitrates.bitrate(500));
        assertEquals(8000, bitrates.layerBitrate(500, 0, 0));
        assertEquals(48_000, bitrates.layerBitrate(500, 1, 2));
        assertEquals(72_000, bitrates.layerBitrate(500, 2, 2));
    }

    @Test
    void aLayerNotBeingReceivedNeedsNothingWhateverTheLayersBelowIt() {
        LayerBitrates bitrates = new LayerBitrates(3, 3, WINDOW_MS);
        bitrates.update(0, 0, 1000, 100);
        bitrates.update(0, 2, 1000, 100);
        bitrates.update(1, 0, 1000, 100);
        assertEquals(0, bitrates.bitrate(500, 0, 1));
        assertEquals(16_000, bitrates.bitrate(500, 0, 2));
        assertEquals(24_000, bitrates.bitrate(500, 1, 0));
        assertEquals(0, bitrates.bitrate(500, 1, 1));
        assertEquals(0, bitrates.bitrate(500, 2, 0));
    }

    @Test
    void everyLayerFallsToZeroAWindowAfterItsLastPacket() {
        LayerBitrates bitrates = allLayers();
        assertEquals(360_000, bitrates.bitrate(1000));
        assertEquals(0, bitrates.bitrate(100 + WINDOW_MS + 10));
        assertEquals(0, bitrates.bitrate(5000, 2, 2));
    }

    /** Packets of layers beyond those announced count in the highest announced one; negative ones in the lowest. */
    @ParameterizedTest
    @CsvSource({
        "5, 7, 1, 1",
        "1, 9, 1, 1",
        "9, 0, 1, 0",
        "-1, -1, 0, 0",
        "0, 1, 0, 1",
    })
    void layersBeyondThoseAnnouncedCountInTheNearestOne(int spatial, int temporal, int countedSpatial, int countedTemporal) {
        LayerBitrates bitrates = new LayerBitrates(2, 2, WINDOW_MS);
        bitrates.update(spatial, temporal, 500, 100);
        assertEquals(4000, bitrates.layerBitrate(200, countedSpatial, countedTemporal));
        assertEquals(4000, bitrates.bitrate(200));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0, 3", "2, 0", "-1, -1"})
    void aStreamWithoutAnnouncedLayersHasOne(int spatialLayers, int temporalLayers) {
        LayerBitrates bitrates = new LayerBitrates(spatialLayers, temporalLayers, WINDOW_MS);
        assertEquals(Math.max(1, spatialLayers), bitrates.spatialLayers());
        assertEquals(Math.max(1, temporalLayers), bitrates.temporalLayers());
        bitrates.update(0, 0, 125, 0);
        assertEquals(1000, bitrates.bitrate(0, 0, 0));
    }

    @Test
    void aSpatialLayerStartsOnItsFirstPacketAndAgainAfterAWindowOfSilence() {
        LayerBitrates bitrates = new LayerBitrates(2, 2, WINDOW_MS);
        assertTrue(bitrates.update(0, 0, 100, 10_000));
        assertFalse(bitrates.update(0, 1, 100, 10_000));
        assertFalse(bitrates.update(0, 0, 100, 10_999));
        // The other spatial layer starts on its own.
        assertTrue(bitrates.update(1, 0, 100, 11_000));
        assertFalse(bitrates.update(1, 1, 100, 11_500));
        // A whole window without spatial layer 0: it starts again.
        assertTrue(bitrates.update(0, 0, 100, 11_999));
        assertFalse(bitrates.update(0, 0, 100, 12_998));
        // Packets a few ms apart keep it going for ever.
        for (long t = 13_000; t < 20_000; t += 900) {
            assertFalse(bitrates.update(0, 0, 100, t));
        }
    }
}
