package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * What simulcast and SVC consumers share: one sending stream made of spatial and temporal
 * layers, and the layers the application prefers. Choosing target and current layers from
 * scores and bandwidth is issue 8; until then both stay at -1 (none).
 */
abstract class LayeredConsumer extends SingleStreamConsumer {
    private int preferredSpatialLayer;
    private int preferredTemporalLayer;

    protected LayeredConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data,
            RtpParameters.Type type) {
        super(id, producerId, shared, listener, data, type);
        checkEncodings();
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        JsonElement preferredLayers = data.get("preferredLayers");
        if (preferredLayers != null && preferredLayers.isJsonObject()) {
            preferLayers(preferredLayers.getAsJsonObject(), "missing preferredLayers.spatialLayer",
                    encoding.spatialLayers(), encoding.temporalLayers());
        } else {
            preferredSpatialLayer = encoding.spatialLayers() - 1;
            preferredTemporalLayer = encoding.temporalLayers() - 1;
        }
        RtpCodecParameters codec = rtpParameters.codecFor(encoding);
        if (!type.supports(codec.mimeType())) {
            throw new MediasoupTypeError(codec.mimeType() + " codec not supported for " + type.label());
        }
        createRtpStream(true);
    }

    /** Nothing to resynchronise while no layer is chosen. */
    @Override
    protected void onActivated() {}

    /** Without a chosen layer there is no stream to ask a key frame of (issue 8). */
    @Override
    void requestKeyFrame() {}

    /** No layer is chosen until layer selection exists (issue 8): nothing is forwarded yet. */
    @Override
    void sendRtpPacket(RtpPacket packet) {}

    /** Checks the encodings fit the kind; called before anything else is read from them. */
    protected abstract void checkEncodings();

    /** Takes spatialLayer (required) and temporalLayer (optional: the top one) within the layers there are. */
    private void preferLayers(JsonObject json, String missingSpatialLayer, int spatialLayers, int temporalLayers) {
        JsonElement spatialLayer = json.get("spatialLayer");
        if (!JsonValues.isPositiveInteger(spatialLayer)) {
            throw new MediasoupTypeError(missingSpatialLayer);
        }
        preferredSpatialLayer = (int) Math.min(spatialLayer.getAsLong(), spatialLayers - 1);
        JsonElement temporalLayer = json.get("temporalLayer");
        preferredTemporalLayer = JsonValues.isPositiveInteger(temporalLayer)
                ? (int) Math.min(temporalLayer.getAsLong(), temporalLayers - 1)
                : temporalLayers - 1;
    }

    @Override
    protected void setPreferredLayers(Request request) {
        preferLayers(request.data(), "missing spatialLayer", rtpStream().params.spatialLayers(),
                rtpStream().params.temporalLayers());
        JsonObject data = new JsonObject();
        data.addProperty("spatialLayer", preferredSpatialLayer);
        data.addProperty("temporalLayer", preferredTemporalLayer);
        request.accept(data);
    }

    @Override
    int preferredSpatialLayer() {
        return preferredSpatialLayer;
    }

    @Override
    int preferredTemporalLayer() {
        return preferredTemporalLayer;
    }

    @Override
    protected void fillDump(JsonObject json) {
        super.fillDump(json);
        json.addProperty("preferredSpatialLayer", preferredSpatialLayer);
        json.addProperty("targetSpatialLayer", NO_LAYER);
        json.addProperty("currentSpatialLayer", NO_LAYER);
        json.addProperty("preferredTemporalLayer", preferredTemporalLayer);
        json.addProperty("targetTemporalLayer", NO_LAYER);
        json.addProperty("currentTemporalLayer", NO_LAYER);
    }
}
