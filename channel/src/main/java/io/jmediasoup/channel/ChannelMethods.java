package io.jmediasoup.channel;

import java.util.Set;

/** The request methods and payload-channel events of mediasoup 3.8.4. */
public final class ChannelMethods {
    private ChannelMethods() {}

    /** Every method the channel (fd 3) carries. */
    public static final Set<String> CHANNEL = Set.of(
            "worker.close", "worker.dump", "worker.getResourceUsage", "worker.updateSettings",
            "worker.createRouter",
            "router.close", "router.dump", "router.createWebRtcTransport", "router.createPlainTransport",
            "router.createPipeTransport", "router.createDirectTransport",
            "router.createActiveSpeakerObserver", "router.createAudioLevelObserver",
            "transport.close", "transport.dump", "transport.getStats", "transport.connect",
            "transport.setMaxIncomingBitrate", "transport.setMaxOutgoingBitrate", "transport.restartIce",
            "transport.produce", "transport.consume", "transport.produceData", "transport.consumeData",
            "transport.enableTraceEvent",
            "producer.close", "producer.dump", "producer.getStats", "producer.pause", "producer.resume",
            "producer.enableTraceEvent",
            "consumer.close", "consumer.dump", "consumer.getStats", "consumer.pause", "consumer.resume",
            "consumer.setPreferredLayers", "consumer.setPriority", "consumer.requestKeyFrame",
            "consumer.enableTraceEvent",
            "dataProducer.close", "dataProducer.dump", "dataProducer.getStats",
            "dataConsumer.close", "dataConsumer.dump", "dataConsumer.getStats",
            "dataConsumer.getBufferedAmount", "dataConsumer.setBufferedAmountLowThreshold",
            "rtpObserver.close", "rtpObserver.pause", "rtpObserver.resume", "rtpObserver.addProducer",
            "rtpObserver.removeProducer");

    /** The requests the payload channel (fd 5) carries, each followed by a payload. */
    public static final Set<String> PAYLOAD_REQUESTS = Set.of("dataConsumer.send");

    /** The notifications the payload channel (fd 5) carries, each followed by a payload. */
    public static final Set<String> PAYLOAD_NOTIFICATIONS =
            Set.of("producer.send", "transport.sendRtcp", "dataProducer.send");
}
