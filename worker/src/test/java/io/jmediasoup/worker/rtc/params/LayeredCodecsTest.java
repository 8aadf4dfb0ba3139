package io.jmediasoup.worker.rtc.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayeredCodecsTest {
    private static RtpParameters parameters(String mimeType, String... scalabilityModes) {
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        for (int i = 0; i < scalabilityModes.length; i++) {
            encodings.add(RtpEncodingParameters.of(i + 1, "", -1, 0, false, 0, 0, false, scalabilityModes[i]));
        }
        return RtpParameters.of("", List.of(RtpCodecParameters.of(mimeType, 96, 90000, 0, CodecParameters.of(Map.of()),
                List.of())), encodings, List.of(), null, "");
    }

    /** The type each era gives a producer's parameters, and whether it then forwards that codec so. */
    @ParameterizedTest
    @CsvSource({
        "MEDIASOUP_3_8, video/VP8, L1T3, SVC, false",
        "MEDIASOUP_3_32, video/VP8, L1T3, SVC, true",
        "MEDIASOUP_3_8, video/H264, L1T3, SVC, false",
        "MEDIASOUP_3_32, video/H264, L1T3, SVC, true",
        "MEDIASOUP_3_8, video/VP9, L3T3_KEY, SVC, true",
        "MEDIASOUP_3_32, video/VP9, L3T3_KEY, SVC, true",
        "MEDIASOUP_3_8, video/VP8, '', SIMPLE, true",
        "MEDIASOUP_3_32, video/VP8, '', SIMPLE, true",
        "MEDIASOUP_3_8, video/VP8, L1T3|L1T3, SIMULCAST, true",
        "MEDIASOUP_3_32, video/VP9, L1T3|L1T3, SIMULCAST, false",
        "MEDIASOUP_3_8, video/AV1, L1T3, SVC, false",
        "MEDIASOUP_3_32, video/AV1, L1T3, SVC, true",
        "MEDIASOUP_3_32, video/AV1, L3T3_KEY, SVC, true",
        "MEDIASOUP_3_32, video/AV1, L1T3|L1T3, SIMULCAST, false",
    })
    void typesAndSupports(LayeredCodecs era, String mimeType, String modes, RtpParameters.Type type, boolean supported) {
        RtpParameters parameters = parameters(mimeType, modes.split("\\|", -1));
        assertEquals(type, era.typeOf(parameters));
        assertEquals(supported, era.supports(type, RtpCodecMimeType.parse(mimeType)));
    }

    @ParameterizedTest
    @CsvSource({"video/H265", "audio/opus"})
    void mediasoup332HasNoTypeForLayersItCannotForward(String mimeType) {
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class,
                () -> LayeredCodecs.MEDIASOUP_3_32.typeOf(parameters(mimeType, "L1T3")));
        assertEquals("invalid RTP parameters", error.getMessage());
        assertEquals(RtpParameters.Type.SVC, LayeredCodecs.MEDIASOUP_3_8.typeOf(parameters(mimeType, "L1T3")));
    }
}
