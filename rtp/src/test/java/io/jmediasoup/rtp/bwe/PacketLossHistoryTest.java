package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weighted average of the last 24 feedback loss ratios, newest weighing most. */
class PacketLossHistoryTest {
    @ParameterizedTest
    @CsvSource({
        "'', 0",
        "0.5, 0.5",
        // (1*0 + 2*0.3) / 3
        "0 0.3, 0.2",
        // (1*0.1 + 2*0.2 + 3*0.3 + 4*0.4) / 10
        "0.1 0.2 0.3 0.4, 0.3",
        // 24 zeros then one 1: the first zero drops out, the 1 weighs 24 of 300
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1, 0.08",
        // a 1 then 24 zeros: the 1 fell out of the history
        "1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0, 0",
    })
    void averagesTheLastTwentyFourWithRisingWeights(String ratios, double expected) {
        PacketLossHistory history = new PacketLossHistory();
        Arrays.stream(ratios.split(" ")).filter(r -> !r.isEmpty()).mapToDouble(Double::parseDouble).forEach(history::add);
        assertEquals(expected, history.packetLoss(), 1e-9);
    }
}
