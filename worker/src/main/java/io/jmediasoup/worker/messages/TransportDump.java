package io.jmediasoup.worker.messages;

import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.rtc.IceCandidate;
import io.jmediasoup.worker.rtc.SrtpParameters;
import io.jmediasoup.worker.rtc.TransportTuple;
import java.util.List;
import java.util.Map;

/**
 * A transport's dump, the answer to its creation and to transport.dump: what every kind has,
 * then the kind's own part. Maps keep insertion order; an absent optional part is null.
 *
 * @param recvRtpHeaderExtensions the ids of mid, rid, rrid, absSendTime and transportWideCc01 it receives with
 * @param maxMessageSize 3.8's single limit: SCTP's when enabled, else the transport's
 * @param traceEventTypes the enabled types, in mediasoup's order
 */
public record TransportDump(String id, boolean direct, List<String> producerIds, List<String> consumerIds,
        Map<Long, String> mapSsrcConsumerId, Map<Long, String> mapRtxSsrcConsumerId, List<String> dataProducerIds,
        List<String> dataConsumerIds, Map<String, Integer> recvRtpHeaderExtensions, RtpListener rtpListener,
        long maxMessageSize, long maxSendMessageSize, long maxReceiveMessageSize, Sctp sctp,
        List<String> traceEventTypes, Kind kind) implements ChannelResponse {

    public record RtpListener(Map<Long, String> ssrcTable, Map<String, String> midTable, Map<String, String> ridTable) {}

    /**
     * The SCTP association: its parameters ({@code os} is the negotiated count once connected),
     * the streams negotiated each way (0 until connected), its state and which data producer
     * receives on which stream.
     */
    public record Sctp(int port, int os, int mis, long maxMessageSize, long sendBufferSize,
            long perStreamSendQueueLimit, long maxReceiverWindowBufferSize, long bufferedAmount, boolean isDataChannel,
            int negotiatedOutboundStreams, int negotiatedInboundStreams, String state,
            Map<Integer, String> streamIdTable) {}

    /** The part of one transport kind. */
    public sealed interface Kind {}

    /** {@code rtcpTuple} is null with rtcpMux, {@code srtpParameters} without SRTP. */
    public record Plain(boolean rtcpMux, boolean comedia, TransportTuple tuple, TransportTuple rtcpTuple,
            SrtpParameters srtpParameters) implements Kind {}

    /** ICE-lite in the controlled role; {@code iceSelectedTuple} is null until ICE selects one. */
    public record WebRtc(String usernameFragment, String password, List<IceCandidate> iceCandidates, String iceState,
            TransportTuple iceSelectedTuple, List<DtlsFingerprint> fingerprints, String dtlsRole, String dtlsState)
            implements Kind {}

    public record Pipe(TransportTuple tuple, boolean rtx, SrtpParameters srtpParameters) implements Kind {}

    public record Direct() implements Kind {}
}
