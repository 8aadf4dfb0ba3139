package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "info" of "bwe" trace events, before any feedback: the C++ worker's fields and limits. */
class TransportCcClientTest {
    @ParameterizedTest(name = "desired {0}, cap {1} -> max {2}")
    @CsvSource({
        // Nothing desired: the initial estimate is the maximum.
        "0, 0, 600000, 510000",
        // Desired plus 35 %, at least the initial estimate.
        "1000000, 0, 1350000, 1147500",
        "200000, 0, 600000, 510000",
        // The application's cap wins.
        "1000000, 800000, 800000, 680000",
    })
    void maximumAndPaddingFollowTheDesiredBitrate(long desired, long cap, long expectedMax, long expectedPadding) {
        TransportCcClient client = new TransportCcClient(600_000, cap, true);
        JsonObject info = client.bweTraceInfo(desired, 600_000);
        assertEquals(desired, info.get("desiredBitrate").getAsLong());
        assertEquals(desired, info.get("effectiveDesiredBitrate").getAsLong());
        assertEquals(30_000, info.get("minBitrate").getAsLong());
        assertEquals(expectedMax, info.get("maxBitrate").getAsLong());
        assertEquals(expectedPadding, info.get("maxPaddingBitrate").getAsLong());
        long available = cap > 0 ? Math.min(600_000, cap) : 600_000;
        assertEquals(available, info.get("availableBitrate").getAsLong());
        assertEquals(available, info.get("startBitrate").getAsLong());
        assertEquals("transport-cc", info.get("type").getAsString());
    }
}
