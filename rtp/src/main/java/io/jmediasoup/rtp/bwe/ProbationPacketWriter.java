package io.jmediasoup.rtp.bwe;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the packets the C++ worker probes the path with when its media alone cannot show
 * that more bandwidth is there: RTP with ssrc {@value #SSRC} and payload type
 * {@value #PAYLOAD_TYPE} under MID "probator" (which mediasoup-client's receiving transport
 * sets up for them), room for abs-send-time and transport-wide-cc, and a payload of zeros.
 */
public final class ProbationPacketWriter {
    public static final long SSRC = 1234;
    public static final int PAYLOAD_TYPE = 127;
    /** Header, extension header and the three extensions padded to a word. */
    public static final int HEADER_SIZE = 32;
    public static final int MAX_SIZE = 1400;
    private static final byte[] MID = "probator".getBytes(StandardCharsets.US_ASCII);

    private final int midId;
    private final int absSendTimeId;
    private final int transportWideCcId;
    private int sequenceNumber = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextLong(0x100000000L);

    /** The one-byte extension ids the receiver negotiated (1 to 14). */
    public ProbationPacketWriter(int midId, int absSendTimeId, int transportWideCcId) {
        this.midId = midId;
        this.absSendTimeId = absSendTimeId;
        this.transportWideCcId = transportWideCcId;
    }

    /** Appends the next probation packet of {@code size} bytes (clamped to its header and {@link #MAX_SIZE}). */
    public void write(ByteBuf out, int size) {
        size = Math.max(HEADER_SIZE, Math.min(MAX_SIZE, size));
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        timestamp = (timestamp + 20) & 0xFFFFFFFFL;
        out.writeByte(0x90);
        out.writeByte(PAYLOAD_TYPE);
        out.writeShort(sequenceNumber);
        out.writeInt((int) timestamp);
        out.writeInt((int) SSRC);
        out.writeShort(0xBEDE);
        out.writeShort(4);
        out.writeByte(midId << 4 | (MID.length - 1));
        out.writeBytes(MID);
        out.writeByte(absSendTimeId << 4 | 2);
        out.writeMedium(0);
        out.writeByte(transportWideCcId << 4 | 1);
        out.writeShort(0);
        out.writeZero(size - HEADER_SIZE);
    }
}
