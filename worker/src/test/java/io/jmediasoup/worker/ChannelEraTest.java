package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelEraTest {
    @ParameterizedTest
    @CsvSource(value = {
        "3.8.4, NETSTRING_JSON",
        "3.8.0, NETSTRING_JSON",
        "3.8.10, NETSTRING_JSON",
        "3.32.2, FLATBUFFERS",
        "3.32.0, FLATBUFFERS",
        "3.9.0, NONE",
        "3.13.0, NONE",
        "3.3.2, NONE",
        "3.8., NONE",
        "3.8.4-rc1, NONE",
        "13.8.4, NONE",
        "'', NONE",
    })
    void choosesTheChannelByMediasoupVersion(String version, String era) {
        assertEquals(era.equals("NONE") ? Optional.empty() : Optional.of(ChannelEra.valueOf(era)), ChannelEra.of(version));
    }
}
