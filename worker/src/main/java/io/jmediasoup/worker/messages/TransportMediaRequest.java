package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.List;

/** The requests a transport answers about its producers and consumers: create and close them. */
public interface TransportMediaRequest extends ChannelRequest {
    /**
     * transport.produce; {@code keyFrameRequestDelay} in ms, 0 for the default; {@code layeredCodecs}
     * are those of the request's era, which types the producer; {@code enableMediasoupPacketId}
     * (3.32) numbers its packets in the mediasoup packet-id header extension.
     */
    record Produce(String handlerId, String producerId, MediaKind kind, RtpParameters rtpParameters,
            RtpMapping rtpMapping, boolean paused, long keyFrameRequestDelay, LayeredCodecs layeredCodecs,
            boolean enableMediasoupPacketId)
            implements TransportMediaRequest {}

    /**
     * transport.consume; {@code preferredLayers} may be null, and {@code consumableRtpEncodings}
     * when not given; {@code layeredCodecs} are those of the request's era; {@code ignoreDtx}
     * (3.32) drops an Opus sender's DTX packets.
     */
    record Consume(String handlerId, String consumerId, String producerId, MediaKind kind,
            RtpParameters rtpParameters, RtpParameters.Type type, List<RtpEncodingParameters> consumableRtpEncodings,
            boolean paused, ConsumerLayers preferredLayers, LayeredCodecs layeredCodecs, boolean ignoreDtx)
            implements TransportMediaRequest {}

    record CloseProducer(String handlerId, String producerId) implements TransportMediaRequest {}

    record CloseConsumer(String handlerId, String consumerId) implements TransportMediaRequest {}
}
