package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jmediasoup.worker.codec.JsonRtpParameters;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** transport.consume requests for the consumer tests, written as 3.8's JSON data. */
final class TestConsumes {
    private TestConsumes() {}

    static TransportMediaRequest.Consume consume(String json) {
        return consume(json, LayeredCodecs.MEDIASOUP_3_8);
    }

    /** As the codec of the era whose layered codecs are {@code layeredCodecs} decodes it. */
    static TransportMediaRequest.Consume consume(String json, LayeredCodecs layeredCodecs) {
        return consume(json, layeredCodecs, false);
    }

    /** As 3.32's codec decodes it, with its ignoreDtx. */
    static TransportMediaRequest.Consume consume(String json, LayeredCodecs layeredCodecs, boolean ignoreDtx) {
        JsonObject data = JsonParser.parseString(json).getAsJsonObject();
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        data.getAsJsonArray("consumableRtpEncodings").forEach(entry -> encodings.add(JsonRtpParameters.encoding(entry)));
        return new TransportMediaRequest.Consume("t1", "c1", "p1", JsonRtpParameters.kind(data),
                JsonRtpParameters.parse(data.get("rtpParameters")),
                RtpParameters.Type.valueOf(data.get("type").getAsString().toUpperCase(Locale.ROOT)), encodings, false,
                null, layeredCodecs, ignoreDtx);
    }
}
