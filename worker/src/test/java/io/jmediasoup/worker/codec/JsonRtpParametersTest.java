package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRtpParametersTest {
    private static RtpParameters parse(String json) {
        return JsonRtpParameters.parse(JsonParser.parseString(json));
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                // Opus as the Node library sends it: channels kept, fmtp types kept, encoding gets its codec.
                Arguments.of("{\"mid\":\"AUDIO\",\"codecs\":[{\"mimeType\":\"audio/opus\",\"payloadType\":111,"
                        + "\"clockRate\":48000,\"channels\":2,\"parameters\":{\"useinbandfec\":1,\"foo\":222.222,"
                        + "\"bar\":\"333\",\"obj\":{}},\"rtcpFeedback\":[]}],\"headerExtensions\":[{\"uri\":"
                        + "\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":10}],\"encodings\":[{\"ssrc\":11111111,"
                        + "\"dtx\":true}],\"rtcp\":{\"cname\":\"audio-1\"}}",
                        "{\"mid\":\"AUDIO\",\"codecs\":[{\"mimeType\":\"audio/opus\",\"payloadType\":111,"
                        + "\"clockRate\":48000,\"channels\":2,\"parameters\":{\"bar\":\"333\",\"foo\":222.222,"
                        + "\"useinbandfec\":1},\"rtcpFeedback\":[]}],\"encodings\":[{\"ssrc\":11111111,"
                        + "\"codecPayloadType\":111,\"dtx\":true}],\"headerExtensions\":[{\"uri\":"
                        + "\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":10,\"encrypt\":false,\"parameters\":{}}],"
                        + "\"rtcp\":{\"cname\":\"audio-1\",\"reducedSize\":true}}",
                        RtpParameters.Type.SIMPLE),
                // VP8 simulcast with RTX; MIME case normalised, empty feedback parameter dropped.
                Arguments.of("{\"codecs\":[{\"mimeType\":\"VIDEO/vp8\",\"payloadType\":96,\"clockRate\":90000,"
                        + "\"rtcpFeedback\":[{\"type\":\"nack\",\"parameter\":\"\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]},"
                        + "{\"mimeType\":\"video/rtx\",\"payloadType\":97,\"clockRate\":90000,\"parameters\":{\"apt\":96}}],"
                        + "\"encodings\":[{\"rid\":\"r0\",\"scalabilityMode\":\"S1T3\"},{\"rid\":\"r1\",\"rtx\":{\"ssrc\":22}}]}",
                        "{\"codecs\":[{\"mimeType\":\"video/VP8\",\"payloadType\":96,\"clockRate\":90000,"
                        + "\"parameters\":{},\"rtcpFeedback\":[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]},"
                        + "{\"mimeType\":\"video/rtx\",\"payloadType\":97,\"clockRate\":90000,\"parameters\":{\"apt\":96},"
                        + "\"rtcpFeedback\":[]}],\"encodings\":[{\"rid\":\"r0\",\"codecPayloadType\":96,"
                        + "\"scalabilityMode\":\"S1T3\",\"spatialLayers\":1,\"temporalLayers\":3,\"ksvc\":false},"
                        + "{\"rid\":\"r1\",\"codecPayloadType\":96,\"rtx\":{\"ssrc\":22}}],\"headerExtensions\":[],\"rtcp\":{}}",
                        RtpParameters.Type.SIMULCAST),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"video/VP9\",\"payloadType\":98,\"clockRate\":90000}],"
                        + "\"encodings\":[{\"ssrc\":5,\"scalabilityMode\":\"L3T3_KEY\"}]}",
                        "{\"codecs\":[{\"mimeType\":\"video/VP9\",\"payloadType\":98,\"clockRate\":90000,"
                        + "\"parameters\":{},\"rtcpFeedback\":[]}],\"encodings\":[{\"ssrc\":5,\"codecPayloadType\":98,"
                        + "\"scalabilityMode\":\"L3T3_KEY\",\"spatialLayers\":3,\"temporalLayers\":3,\"ksvc\":true}],"
                        + "\"headerExtensions\":[],\"rtcp\":{}}",
                        RtpParameters.Type.SVC));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void roundTripsToTheJsonOfTheCppWorker(String input, String expected, RtpParameters.Type type) {
        RtpParameters parameters = parse(input);
        assertEquals(JsonParser.parseString(expected), JsonRtpParameters.toJson(parameters));
        assertEquals(type, LayeredCodecs.MEDIASOUP_3_8.typeOf(parameters));
    }

    private static final String OPUS = "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000}";

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                Arguments.of("{\"codecs\":[" + OPUS + "]}", "missing encodings"),
                Arguments.of("{\"encodings\":[{}]}", "missing codecs"),
                Arguments.of("{\"codecs\":[],\"encodings\":[{}]}", "empty codecs"),
                Arguments.of("{\"codecs\":[" + OPUS + "],\"encodings\":[]}", "empty encodings"),
                Arguments.of("{\"mid\":\"\",\"codecs\":[" + OPUS + "],\"encodings\":[{}]}", "empty mid"),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"audio\",\"payloadType\":1,\"clockRate\":1}],\"encodings\":[{}]}", "wrong codec MIME"),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"audio/foo\",\"payloadType\":1,\"clockRate\":1}],\"encodings\":[{}]}",
                        "unknown codec MIME subtype 'foo'"),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"video/AV1\",\"payloadType\":96,\"clockRate\":90000}],\"encodings\":[{}]}",
                        "unknown codec MIME subtype 'av1'"),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"audio/opus\",\"clockRate\":1}],\"encodings\":[{}]}", "missing payloadType"),
                Arguments.of("{\"codecs\":[" + OPUS + "," + OPUS + "],\"encodings\":[{}]}", "duplicated payloadType"),
                Arguments.of("{\"codecs\":[" + OPUS + ",{\"mimeType\":\"audio/rtx\",\"payloadType\":101,\"clockRate\":48000}],"
                        + "\"encodings\":[{}]}", "missing apt parameter in RTX codec"),
                Arguments.of("{\"codecs\":[" + OPUS + ",{\"mimeType\":\"audio/rtx\",\"payloadType\":101,\"clockRate\":48000,"
                        + "\"parameters\":{\"apt\":55}}],\"encodings\":[{}]}", "apt in RTX codec points to a non existing codec"),
                Arguments.of("{\"codecs\":[" + OPUS + "],\"encodings\":[{\"codecPayloadType\":7}]}", "unknown codecPayloadType"),
                Arguments.of("{\"codecs\":[{\"mimeType\":\"audio/CN\",\"payloadType\":13,\"clockRate\":8000}],\"encodings\":[{}]}",
                        "no media codecs found"),
                Arguments.of("{\"codecs\":[" + OPUS + "],\"encodings\":[{\"rid\":\"a\",\"scalabilityMode\":\"L2T1\"},{\"rid\":\"b\"}]}",
                        "cannot use both simulcast and encodings with multiple SVC spatial layers"),
                Arguments.of("{\"codecs\":[" + OPUS + "],\"encodings\":[{}],\"headerExtensions\":[{\"uri\":\"x\",\"id\":0}]}",
                        "invalid id 0"));
    }

    @ParameterizedTest
    @MethodSource("invalidParameters")
    void rejectsWithTheCppReason(String input, String reason) {
        assertEquals(reason, assertThrows(MediasoupTypeError.class, () -> parse(input)).getMessage());
    }

    @Test
    void rejectsANonObject() {
        assertEquals("data is not an object",
                assertThrows(MediasoupTypeError.class, () -> JsonRtpParameters.parse(JsonParser.parseString("[]"))).getMessage());
    }
}
