package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.collection.LongObjectHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * A source of RTP on a transport (transport.produce). It finds or creates the receiving
 * stream of each packet from its encodings, then rewrites the packet's payload type and SSRC
 * to the router's (rtpMapping) before handing it to the router. RTX, NACK, key-frame requests
 * and scores from receiver reports are still to come (issue 4).
 */
final class Producer {
    /** Who hears of pauses and resumes: the router, which tells the consumers. */
    interface Listener {
        void onProducerPaused(Producer producer);

        void onProducerResumed(Producer producer);

        /** A packet, already in the router's payload type and SSRC, to forward; lent for the call. */
        void onProducerRtpPacketReceived(Producer producer, RtpPacket packet);
    }

    /** Where its RTCP to the sender goes: its transport. */
    interface RtcpSender {
        void sendRtcp(ByteBuf packet);
    }

    /** A receiving stream and the SSRC the router knows it by. */
    private record ReceivingStream(RtpStreamRecv rtpStream, long mappedSsrc) {}

    final String id;
    final MediaKind kind;
    final RtpParameters rtpParameters;
    final RtpParameters.Type type;
    final RtpMapping rtpMapping;
    /** The score of each encoding's stream (0 until it receives), shared live with the consumers. */
    final int[] rtpStreamScores;
    private final Listener listener;
    private final Shared shared;
    private final RtcpSender rtcpSender;
    /** The router's payload type per payload type received, -1 where unmapped. */
    private final int[] mappedPayloadTypes = new int[128];
    private final LongObjectHashMap<ReceivingStream> streamsBySsrc = new LongObjectHashMap<>();
    private final TraceEventTypes traceEventTypes = new TraceEventTypes("rtp", "keyframe", "nack", "pli", "fir");
    private boolean paused;

    Producer(String id, Shared shared, Listener listener, RtcpSender rtcpSender, JsonObject data) {
        this.id = id;
        this.shared = shared;
        this.rtcpSender = rtcpSender;
        this.listener = listener;
        this.kind = MediaKind.parse(data);
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        this.rtpParameters = RtpParameters.parse(rtpParametersJson);
        this.type = rtpParameters.type();
        RtpCodecParameters mediaCodec = rtpParameters.codecFor(rtpParameters.encodings().get(0));
        if (!type.supports(mediaCodec.mimeType())) {
            throw new MediasoupTypeError(mediaCodec.mimeType() + " codec not supported for " + type.label());
        }
        this.rtpMapping = RtpMapping.parse(data.get("rtpMapping"), !rtpParameters.mid().isEmpty());
        this.paused = Options.enabled(data, "paused");
        this.rtpStreamScores = new int[rtpParameters.encodings().size()];
        Arrays.fill(mappedPayloadTypes, -1);
        rtpMapping.codecs().forEach((payloadType, mapped) -> mappedPayloadTypes[payloadType & 0x7F] = mapped);
        if (rtpParameters.encodings().size() != rtpMapping.encodings().size()) {
            throw new MediasoupTypeError("rtpParameters.encodings size does not match rtpMapping.encodings size");
        }
    }

    boolean isPaused() {
        return paused;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "producer.dump":
                request.accept(dump());
                break;
            case "producer.getStats":
                request.accept(stats());
                break;
            case "producer.pause":
                if (!paused) {
                    paused = true;
                    listener.onProducerPaused(this);
                }
                request.accept();
                break;
            case "producer.resume":
                if (paused) {
                    paused = false;
                    listener.onProducerResumed(this);
                }
                request.accept();
                break;
            case "producer.enableTraceEvent":
                traceEventTypes.enable(request.data());
                request.accept();
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    /**
     * Receives a packet the transport routed here; {@code ridExtensionId} is the transport's
     * id for the rid header extension (0 when none). Returns false when it was discarded: no
     * stream of this producer matches it, its sequence number is out of line, or its payload
     * type has no mapping.
     */
    boolean receiveRtpPacket(RtpPacket packet, int ridExtensionId) {
        ReceivingStream stream = streamsBySsrc.get(packet.ssrc());
        if (stream == null) {
            stream = createStream(packet, ridExtensionId);
            if (stream == null) {
                shared.logger().warn(LogTag.RTP, "Producer", "no stream found for received packet [ssrc:" + packet.ssrc() + "]");
                return false;
            }
        }
        if (!stream.rtpStream.receivePacket(packet, shared.nowMs())) {
            return false;
        }
        if (paused) {
            return true;
        }
        int mappedPayloadType = mappedPayloadTypes[packet.payloadType()];
        if (mappedPayloadType < 0) {
            shared.logger().warn(LogTag.RTP, "Producer", "unknown payload type [payloadType:" + packet.payloadType() + "]");
            return false;
        }
        packet.setPayloadType(mappedPayloadType);
        packet.setSsrc(stream.mappedSsrc);
        listener.onProducerRtpPacketReceived(this, packet);
        return true;
    }

    /**
     * The stream for a packet of an SSRC not seen yet: the encoding with that SSRC, else the
     * one with the packet's RID, else the only encoding when it names neither. Media packets
     * only: RTX streams are not received yet.
     */
    private ReceivingStream createStream(RtpPacket packet, int ridExtensionId) {
        List<RtpEncodingParameters> encodings = rtpParameters.encodings();
        int encodingIdx = -1;
        for (int i = 0; i < encodings.size() && encodingIdx < 0; i++) {
            if (encodings.get(i).ssrc() == packet.ssrc() && carriesMedia(encodings.get(i), packet)) {
                encodingIdx = i;
            }
        }
        String rid = encodingIdx < 0 ? packet.extensionString(ridExtensionId) : null;
        for (int i = 0; rid != null && i < encodings.size() && encodingIdx < 0; i++) {
            if (encodings.get(i).rid().equals(rid) && carriesMedia(encodings.get(i), packet) && !hasStreamWithRid(rid)) {
                encodingIdx = i;
            }
        }
        if (encodingIdx < 0 && rid == null && encodings.size() == 1 && encodings.get(0).ssrc() == 0
                && encodings.get(0).rid().isEmpty() && carriesMedia(encodings.get(0), packet) && streamsBySsrc.isEmpty()) {
            encodingIdx = 0;
        }
        if (encodingIdx < 0) {
            return null;
        }
        RtpStreamRecv rtpStream = new RtpStreamRecv(RtpStreamParams.forReceiving(rtpParameters, encodingIdx, packet.ssrc()));
        ReceivingStream stream = new ReceivingStream(rtpStream, rtpMapping.encodings().get(encodingIdx).mappedSsrc());
        streamsBySsrc.put(packet.ssrc(), stream);
        rtpStreamScores[encodingIdx] = rtpStream.score();
        return stream;
    }

    /** The sender's SR about one of our streams; false when the SSRC is not one of them. */
    boolean receiveSenderReport(long ssrc, long ntpSeconds, long ntpFraction) {
        ReceivingStream stream = streamsBySsrc.get(ssrc);
        if (stream == null) {
            return false;
        }
        stream.rtpStream.receiveSenderReport(ntpSeconds, ntpFraction, shared.nowMs());
        return true;
    }

    /** Writes the report blocks that are due, at most {@code room}; returns how many. */
    int writeReportBlocks(ByteBuf out, long nowMs, int room) {
        int written = 0;
        long maxIntervalMs = kind == MediaKind.AUDIO ? 5000 : 1000;
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (written < room && stream.rtpStream.reportDue(nowMs, maxIntervalMs)) {
                stream.rtpStream.writeReportBlock(out, nowMs);
                written++;
            }
        }
        return written;
    }

    /** A consumer needs a key frame of the stream the router knows as {@code mappedSsrc}: ask the sender. */
    void requestKeyFrame(long mappedSsrc) {
        if (kind != MediaKind.VIDEO || paused) {
            return;
        }
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (stream.mappedSsrc != mappedSsrc) {
                continue;
            }
            ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(20);
            try {
                if (stream.rtpStream.writeKeyFrameRequest(packet)) {
                    rtcpSender.sendRtcp(packet);
                }
            } finally {
                packet.release();
            }
        }
    }

    private boolean carriesMedia(RtpEncodingParameters encoding, RtpPacket packet) {
        return rtpParameters.codecFor(encoding).payloadType() == packet.payloadType();
    }

    private boolean hasStreamWithRid(String rid) {
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (stream.rtpStream.params.rid().equals(rid)) {
                return true;
            }
        }
        return false;
    }

    /** producer.getStats(): one "inbound-rtp" entry per receiving stream. */
    JsonArray stats() {
        JsonArray stats = new JsonArray();
        long nowMs = shared.nowMs();
        streamsBySsrc.values().forEach(stream -> stats.add(stream.rtpStream.stats(nowMs)));
        return stats;
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("kind", kind.label());
        json.add("rtpParameters", rtpParameters.toJson());
        json.addProperty("type", type.label());
        json.add("rtpMapping", rtpMapping.toJson());
        JsonArray streams = new JsonArray();
        streamsBySsrc.values().forEach(stream -> streams.add(stream.rtpStream.dump()));
        json.add("rtpStreams", streams);
        json.addProperty("paused", paused);
        json.addProperty("traceEventTypes", traceEventTypes.toString());
        return json;
    }
}
