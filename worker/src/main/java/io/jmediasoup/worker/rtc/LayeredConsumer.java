package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * What simulcast and SVC consumers share: one sending stream made of spatial and temporal
 * layers, the layers the application prefers, and the dump of preferred, target and current
 * layers (-1 for none) that each kind fills with its own choice.
 */
abstract class LayeredConsumer extends SingleStreamConsumer implements BitrateDistribution.Participant {
    /** After a downgrade for want of bandwidth, how long it climbs no higher than the spatial layer it sends. */
    protected static final long BWE_DOWNGRADE_CONSERVATIVE_MS = 10_000;
    /** A move down counts as such a downgrade only after forwarding this long. */
    private static final long BWE_DOWNGRADE_MIN_ACTIVE_MS = 8_000;
    private static final long NEVER = Long.MIN_VALUE / 2;

    /** A choice of spatial and temporal layer, {@link #NO_LAYER} for none. */
    protected record Layers(int spatial, int temporal) {
        static final Layers NONE = new Layers(NO_LAYER, NO_LAYER);
    }

    private int preferredSpatialLayer;
    private int preferredTemporalLayer;
    private boolean bitrateManaged;
    /** The layers the current rounds of {@link BitrateDistribution} climbed to. */
    private int provisionalSpatialLayer = NO_LAYER;
    private int provisionalTemporalLayer = NO_LAYER;
    private long lastBweDowngradeAtMs = NEVER;
    private long activeSinceMs;

    protected LayeredConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request,
            RtpParameters.Type type) {
        super(id, shared, listener, request, type);
        checkEncodings();
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        if (request.preferredLayers() != null) {
            preferLayers(request.preferredLayers(), encoding.spatialLayers(), encoding.temporalLayers());
        } else {
            preferredSpatialLayer = encoding.spatialLayers() - 1;
            preferredTemporalLayer = encoding.temporalLayers() - 1;
        }
        RtpCodecParameters codec = rtpParameters.codecFor(encoding);
        if (!request.layeredCodecs().supports(type, codec.mimeType())) {
            throw new MediasoupTypeError(codec.mimeType() + " codec not supported for " + type.label());
        }
        createRtpStream(true);
    }

    /** Checks the encodings fit the kind; called before anything else is read from them. */
    protected abstract void checkEncodings();

    /** Takes the spatial layer and the temporal one (none given: the top one) within the layers there are. */
    private void preferLayers(ConsumerLayers layers, int spatialLayers, int temporalLayers) {
        preferredSpatialLayer = Math.min(layers.spatialLayer(), spatialLayers - 1);
        preferredTemporalLayer = layers.temporalLayer() != null
                ? Math.min(layers.temporalLayer(), temporalLayers - 1)
                : temporalLayers - 1;
    }

    @Override
    protected ConsumerLayers setPreferredLayers(ConsumerLayers preferredLayers) {
        if (preferredLayers == null) {
            throw new MediasoupTypeError("missing spatialLayer");
        }
        boolean changed = updatePreferredLayers(preferredLayers);
        if (changed && isActive()) {
            // The answer goes out first, as the C++ worker's: the change is applied right after.
            shared.loop().execute(() -> {
                if (isActive()) {
                    onPreferredLayersChanged();
                }
            });
        }
        return new ConsumerLayers(preferredSpatialLayer, preferredTemporalLayer);
    }

    /** consumer.setPreferredLayers' layers taken; true when the preference moved. */
    boolean updatePreferredLayers(ConsumerLayers preferredLayers) {
        int previousSpatialLayer = preferredSpatialLayer;
        int previousTemporalLayer = preferredTemporalLayer;
        preferLayers(preferredLayers, rtpStream().params.spatialLayers(), rtpStream().params.temporalLayers());
        return preferredSpatialLayer != previousSpatialLayer || preferredTemporalLayer != previousTemporalLayer;
    }

    /** Its transport's bandwidth estimate chooses the layers from now on (the C++ worker's SetExternallyManagedBitrate). */
    void manageBitrate() {
        bitrateManaged = true;
    }

    protected final boolean isBitrateManaged() {
        return bitrateManaged;
    }

    /** How many layer steps it may take per round of {@link BitrateDistribution}; 0 while not forwarding. */
    @Override
    public int bitratePriority() {
        return isActive() ? priority() : 0;
    }

    /**
     * The bitrate its transport may give it, raised by 8 % while the receiver reports under 2 %
     * loss and lowered while it reports over 10 %, when the estimate comes from REMB (the
     * C++ worker's virtual bitrate); as given with transport-cc, whose estimate saw the loss.
     */
    protected long virtualBitrate(long bitrate, boolean considerLoss) {
        if (!considerLoss) {
            return bitrate;
        }
        double lossPercentage = rtpStream().lossPercentage();
        if (lossPercentage < 2) {
            return (long) (1.08 * bitrate);
        }
        if (lossPercentage > 10) {
            return (long) ((1 - 0.5 * (lossPercentage / 100)) * bitrate);
        }
        return bitrate;
    }

    /** What a step to layers costing {@code requiredBitrate} takes from the {@code bitrate} left; 0 when it does not fit. */
    protected final long takeStep(long requiredBitrate, long bitrate, long virtualBitrate, int spatialLayer,
            int temporalLayer) {
        if (requiredBitrate == 0 || requiredBitrate > virtualBitrate) {
            return 0;
        }
        provisionalSpatialLayer = spatialLayer;
        provisionalTemporalLayer = temporalLayer;
        return Math.min(requiredBitrate, bitrate);
    }

    protected final int provisionalSpatialLayer() {
        return provisionalSpatialLayer;
    }

    protected final int provisionalTemporalLayer() {
        return provisionalTemporalLayer;
    }

    /** Whether the provisional layers reached the preferred ones: no step is left to take. */
    protected final boolean provisionalAtPreferredLayers() {
        return provisionalSpatialLayer == preferredSpatialLayer && provisionalTemporalLayer == preferredTemporalLayer;
    }

    /**
     * Aims at the layers the rounds of {@link BitrateDistribution} reached. Moving down below
     * the spatial layer it sends, after forwarding a while, counts as a downgrade for want of
     * bandwidth: for a while it climbs no higher than the spatial layer it sends.
     */
    @Override
    public void applyLayers() {
        int spatialLayer = provisionalSpatialLayer;
        int temporalLayer = provisionalTemporalLayer;
        provisionalSpatialLayer = NO_LAYER;
        provisionalTemporalLayer = NO_LAYER;
        if (spatialLayer == targetSpatialLayer() && temporalLayer == targetTemporalLayer()) {
            return;
        }
        updateTargetLayers(spatialLayer, temporalLayer);
        long nowMs = shared.nowMs();
        if (nowMs - activeSinceMs > BWE_DOWNGRADE_MIN_ACTIVE_MS && targetSpatialLayer() < currentSpatialLayer()
                && currentSpatialLayer() <= preferredSpatialLayer) {
            lastBweDowngradeAtMs = nowMs;
        }
    }

    /**
     * Whether {@code spatialLayer} is held back: above the spatial layer sent, within the
     * conservative period after a downgrade for want of bandwidth, once some layer
     * ({@code chosenSpatialLayer}) is chosen already.
     */
    protected final boolean heldByBweDowngrade(long nowMs, int chosenSpatialLayer, int spatialLayer) {
        return nowMs - lastBweDowngradeAtMs < BWE_DOWNGRADE_CONSERVATIVE_MS && chosenSpatialLayer != NO_LAYER
                && spatialLayer > currentSpatialLayer();
    }

    /**
     * What it would send at its preferred layers (bps), as the C++ worker asks: what the
     * producer sends it ({@link #producerDesiredBitrate}), or the encoding's maxBitrate when
     * higher; 0 while not forwarding. The transport pads towards it while the estimate is lower.
     */
    final long desiredBitrate() {
        if (!isActive()) {
            return 0;
        }
        return Math.max(producerDesiredBitrate(), rtpParameters.encodings().get(0).maxBitrate());
    }

    /** The producer's bitrate this kind would forward at most (bps). */
    protected abstract long producerDesiredBitrate();

    /** The application moved its preferred layers while forwarding (after the answer): the target follows at once. */
    void onPreferredLayersChanged() {
        mayChangeLayers(true);
    }

    /** Forwarding (re)starts: the downgrade clock counts from here. */
    @Override
    protected void onActivated() {
        activeSinceMs = shared.nowMs();
    }

    /** Not forwarding any more (paused, producer paused, transport gone): no layer is aimed at. */
    @Override
    protected void onDeactivated() {
        lastBweDowngradeAtMs = NEVER;
        updateTargetLayers(NO_LAYER, NO_LAYER);
        if (bitrateManaged) {
            listener.onConsumerNeedBitrateChange(this);
        }
    }

    @Override
    void producerNewRtpStream() {
        super.producerNewRtpStream();
        if (isActive()) {
            mayChangeLayers();
        }
    }

    /**
     * A spatial layer began: the layers are chosen again. The C++ worker does not, so a consumer
     * without an estimate that started before the producer's upper layers stayed below them.
     */
    @Override
    void producerSpatialLayerStarted() {
        if (isActive()) {
            mayChangeLayers();
        }
    }

    /**
     * Under a bandwidth estimate only a stream that died or came back changes the layers at
     * once (as in the C++ worker); other score moves wait for the next distribution.
     */
    @Override
    void producerRtpStreamScoreChanged(int score, int previousScore) {
        super.producerRtpStreamScoreChanged(score, previousScore);
        if (isActive() && (!bitrateManaged || score == 0 || previousScore == 0)) {
            mayChangeLayers();
        }
    }

    /** Chooses the target layers again from what it knows now (scores, preferences). */
    protected final void mayChangeLayers() {
        mayChangeLayers(false);
    }

    /**
     * As the C++ worker: without a bandwidth estimate the recalculated layers are taken; under
     * one, the transport shares the estimate out again when the spatial layer would change (or
     * when forced), and the rounds choose the layers.
     */
    private void mayChangeLayers(boolean force) {
        Layers layers = recalculateTargetLayers();
        if (layers.spatial() == targetSpatialLayer() && layers.temporal() == targetTemporalLayer()) {
            return;
        }
        if (!bitrateManaged) {
            updateTargetLayers(layers.spatial(), layers.temporal());
        } else if (layers.spatial() != targetSpatialLayer() || force) {
            listener.onConsumerNeedBitrateChange(this);
        }
    }

    /** The layers to aim at from scores and preferences alone. */
    protected abstract Layers recalculateTargetLayers();

    /** The temporal layer to aim at with {@code spatialLayer}: the preferred one, all below it, the lowest above it. */
    protected final int temporalLayerFor(int spatialLayer) {
        if (spatialLayer == NO_LAYER) {
            return NO_LAYER;
        }
        if (spatialLayer == preferredSpatialLayer) {
            return preferredTemporalLayer;
        }
        return spatialLayer < preferredSpatialLayer ? rtpStream().params.temporalLayers() - 1 : 0;
    }

    /** Aims at these layers ({@link #NO_LAYER} for none), telling the application as the C++ worker does. */
    protected abstract void updateTargetLayers(int spatialLayer, int temporalLayer);

    /** "layerschange" with the layers it sends now (null when none), as the C++ worker tells it. */
    protected final void emitLayersChange() {
        ConsumerLayers layers = currentSpatialLayer() != NO_LAYER
                ? new ConsumerLayers(currentSpatialLayer(), currentTemporalLayer())
                : null;
        shared.emit(id, new ConsumerEvent.LayersChange(layers));
    }

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
    protected ConsumerResponse.Layers layers() {
        return new ConsumerResponse.Layers(preferredSpatialLayer, targetSpatialLayer(), currentSpatialLayer(),
                preferredTemporalLayer, targetTemporalLayer(), currentTemporalLayer());
    }
}
