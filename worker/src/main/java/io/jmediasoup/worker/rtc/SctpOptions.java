package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/**
 * The SCTP options of router.create*Transport (enableSctp), validated as the C++ worker does.
 * {@code defaultStreamBufferedAmountLowThreshold} is 3.32's: its data consumers watch the bytes
 * of their own stream, from that threshold on; null in 3.8, whose watch the association's
 * bytes from 0.
 */
public record SctpOptions(int os, int mis, long maxMessageSize, long sendBufferSize, boolean isDataChannel,
        Long defaultStreamBufferedAmountLowThreshold) {
    /** The port SCTP uses on both ends over DTLS or UDP, as in the C++ worker. */
    public static final int PORT = 5000;
    private static final long DEFAULT_SEND_BUFFER_SIZE = 262_144;
    private static final long MAX_SEND_BUFFER_SIZE = 268_435_456;
    /** SCTP has 16-bit stream ids, and an INIT with no streams either way is refused (RFC 9260 §3.3.2). */
    private static final int MAX_STREAMS = 65_535;
    /**
     * Our limit, where the C++ worker has none: the largest message sets the receive window (two
     * of them), so it bounds what one association may hold. It is the Node library's default
     * for pipe transports, and the C++ worker's limit for sctpSendBufferSize.
     */
    static final long MAX_MESSAGE_SIZE = 268_435_456;

    public static SctpOptions parse(JsonObject data) {
        JsonElement streams = data.get("numSctpStreams");
        if (streams == null || !streams.isJsonObject()) {
            throw new MediasoupTypeError("wrong numSctpStreams (not an object)");
        }
        JsonElement os = streams.getAsJsonObject().get("OS");
        JsonElement mis = streams.getAsJsonObject().get("MIS");
        if (!JsonValues.isPositiveInteger(os) || !JsonValues.isPositiveInteger(mis)) {
            throw new MediasoupTypeError("wrong numSctpStreams.OS and/or numSctpStreams.MIS (not a number)");
        }
        if (!inStreamRange(os) || !inStreamRange(mis)) {
            throw new MediasoupTypeError(
                    "wrong numSctpStreams.OS and/or numSctpStreams.MIS (must be from 1 to " + MAX_STREAMS + ")");
        }
        JsonElement maxMessageSize = data.get("maxSctpMessageSize");
        if (!JsonValues.isPositiveInteger(maxMessageSize)) {
            throw new MediasoupTypeError("wrong maxSctpMessageSize (not a number)");
        }
        if (maxMessageSize.getAsLong() > MAX_MESSAGE_SIZE) {
            throw new MediasoupTypeError("wrong maxSctpMessageSize (maximum value exceeded)");
        }
        long sendBufferSize = DEFAULT_SEND_BUFFER_SIZE;
        JsonElement sendBuffer = data.get("sctpSendBufferSize");
        if (sendBuffer != null) {
            if (!JsonValues.isPositiveInteger(sendBuffer)) {
                throw new MediasoupTypeError("wrong sctpSendBufferSize (not a number)");
            }
            sendBufferSize = sendBuffer.getAsLong();
            if (sendBufferSize > MAX_SEND_BUFFER_SIZE) {
                throw new MediasoupTypeError("wrong sctpSendBufferSize (maximum value exceeded)");
            }
        }
        JsonElement dataChannel = data.get("isDataChannel");
        return new SctpOptions(os.getAsInt(), mis.getAsInt(), maxMessageSize.getAsLong(),
                sendBufferSize, JsonValues.isBoolean(dataChannel) && dataChannel.getAsBoolean(), null);
    }

    private static boolean inStreamRange(JsonElement streams) {
        long count = streams.getAsLong();
        return count >= 1 && count <= MAX_STREAMS;
    }

    /**
     * The sctpParameters of a transport dump: OS becomes the negotiated count once connected, as
     * in the C++ worker, and the bytes the association holds unacknowledged.
     */
    public JsonObject toJson(int outboundStreams, long bufferedAmount) {
        JsonObject json = new JsonObject();
        json.addProperty("port", PORT);
        json.addProperty("OS", outboundStreams);
        json.addProperty("MIS", mis);
        json.addProperty("maxMessageSize", maxMessageSize);
        json.addProperty("sendBufferSize", sendBufferSize);
        json.addProperty("sctpBufferedAmount", bufferedAmount);
        json.addProperty("isDataChannel", isDataChannel);
        return json;
    }
}
