package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * What simulcast and SVC consumers share: one sending stream made of spatial and temporal
 * layers, the layers the application prefers, and the dump of preferred, target and current
 * layers (-1 for none) that each kind fills with its own choice.
 */
abstract class LayeredConsumer extends SingleStreamConsumer {
    private static final long AVAILABLE_BITRATE_INTERVAL_MS = 1000;

    private int preferredSpatialLayer;
    private int preferredTemporalLayer;
    /** Its share of the transport's estimated outgoing bitrate (bps); -1 while no estimate manages it. */
    private long availableBitrate = -1;
    private long availableBitrateAtMs;

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
        boolean changed = updatePreferredLayers(request.data());
        JsonObject data = new JsonObject();
        data.addProperty("spatialLayer", preferredSpatialLayer);
        data.addProperty("temporalLayer", preferredTemporalLayer);
        request.accept(data);
        if (changed && isActive()) {
            onPreferredLayersChanged();
        }
    }

    /** consumer.setPreferredLayers' data taken; true when the preference moved. */
    boolean updatePreferredLayers(JsonObject data) {
        int previousSpatialLayer = preferredSpatialLayer;
        int previousTemporalLayer = preferredTemporalLayer;
        preferLayers(data, "missing spatialLayer", rtpStream().params.spatialLayers(),
                rtpStream().params.temporalLayers());
        return preferredSpatialLayer != previousSpatialLayer || preferredTemporalLayer != previousTemporalLayer;
    }

    /**
     * The transport's bandwidth estimate gives it {@code bitrate} bps: the layers may have to
     * follow. Small changes (under 10 %) wait for the next second, so that the layers do not
     * flap yet still catch up with the producer's layers as they come and go (the C++ worker
     * shares the estimate out once a second too).
     */
    void setAvailableBitrate(long bitrate) {
        long previous = availableBitrate;
        long nowMs = shared.nowMs();
        if (previous >= 0 && Math.abs(bitrate - previous) * 10 < previous
                && nowMs - availableBitrateAtMs < AVAILABLE_BITRATE_INTERVAL_MS) {
            return;
        }
        availableBitrate = bitrate;
        availableBitrateAtMs = nowMs;
        if (isActive()) {
            onAvailableBitrateChanged();
        }
    }

    protected long availableBitrate() {
        return availableBitrate;
    }

    protected void onAvailableBitrateChanged() {}

    /** What it would send at its preferred layers (bps): the transport pads towards it while the estimate is lower. */
    long desiredBitrate() {
        return 0;
    }

    /** The application moved its preferred layers while forwarding (after the answer): the target may follow. */
    void onPreferredLayersChanged() {
        mayChangeLayers();
    }

    /** Not forwarding any more (paused, producer paused, transport gone): no layer is aimed at. */
    @Override
    protected void onDeactivated() {
        updateTargetLayers(NO_LAYER, NO_LAYER);
    }

    /** Chooses the target layers again from what it knows now (scores, preferences, bitrate). */
    protected abstract void mayChangeLayers();

    /** Aims at these layers ({@link #NO_LAYER} for none), telling the application as the C++ worker does. */
    protected abstract void updateTargetLayers(int spatialLayer, int temporalLayer);

    /** The layers it aims at and those it sends now; {@link #NO_LAYER} when none. */
    protected int targetSpatialLayer() {
        return NO_LAYER;
    }

    protected int targetTemporalLayer() {
        return NO_LAYER;
    }

    protected int currentSpatialLayer() {
        return NO_LAYER;
    }

    protected int currentTemporalLayer() {
        return NO_LAYER;
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
        json.addProperty("targetSpatialLayer", targetSpatialLayer());
        json.addProperty("currentSpatialLayer", currentSpatialLayer());
        json.addProperty("preferredTemporalLayer", preferredTemporalLayer);
        json.addProperty("targetTemporalLayer", targetTemporalLayer());
        json.addProperty("currentTemporalLayer", currentTemporalLayer());
    }
}
