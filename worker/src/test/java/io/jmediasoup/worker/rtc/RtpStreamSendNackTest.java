package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.jmediasoup.worker.codec.JsonRtpParameters;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.Ntp;
import io.jmediasoup.rtp.stream.RetransmissionBuffer;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer's stream answering NACKs from a receiver that asks for everything, with real
 * RTCP bytes: a receiver report whose LSR/DLSR make the round-trip time 1/65536 s, then
 * 140-byte NACKs of 32 items naming 17 packets each. Without bounds each NACK resent 512
 * packets, again at every millisecond.
 */
class RtpStreamSendNackTest {
    private static final long SSRC = 0x11223344L;
    private static final int PACKETS = RetransmissionBuffer.SLOTS;
    /** Some wall-clock time; the report's LSR is derived from it. */
    private static final long WALL_MS = 1_780_000_000_000L;

    private final List<Integer> resent = new ArrayList<>();
    private final RtpStreamSend.Listener listener = new RtpStreamSend.Listener() {
        @Override
        public void onRtpStreamScore(RtpStreamSend stream) {}

        @Override
        public void onRtpStreamRetransmitRtpPacket(RtpStreamSend stream, RtpPacket packet) {
            resent.add(packet.sequenceNumber());
        }
    };
    private RtpStreamSend stream;

    @BeforeEach
    void sendPackets() {
        RtpParameters parameters = JsonRtpParameters.parse(JsonParser.parseString("{\"codecs\":[{\"mimeType\":\"video/VP8\","
                + "\"payloadType\":101,\"clockRate\":90000,\"rtcpFeedback\":[{\"type\":\"nack\"}]}],"
                + "\"encodings\":[{\"ssrc\":" + SSRC + "}]}"));
        stream = new RtpStreamSend(RtpStreamParams.forSending(parameters, 0, false), listener,
                StreamReports.MEDIASOUP_3_8);
        RtpPacket packet = new RtpPacket();
        for (int seq = 0; seq < PACKETS; seq++) {
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(1000);
            try {
                buffer.writeByte(0x80).writeByte(101).writeShort(seq).writeInt(seq * 90).writeInt((int) SSRC).writeZero(988);
                assertTrue(packet.parse(buffer));
                stream.packetSent(packet, 0);
            } finally {
                buffer.release();
            }
        }
    }

    @AfterEach
    void close() {
        stream.close();
    }

    /** An RR (RFC 3550 §6.4.2) with one block about our stream, its DLSR one unit short of now - LSR. */
    private static String receiverReport() {
        long now = Ntp.compact(Ntp.seconds(WALL_MS), Ntp.fraction(WALL_MS));
        long lastSr = now - 0x00020000L;
        long dlsr = 0x0001FFFFL;
        return "81c90007" + "00000001" + String.format("%08x", SSRC) + "00000000" + "000001ff" + "00000000"
                + String.format("%08x%08x", lastSr, dlsr);
    }

    /** A generic NACK (RFC 4585 §6.2.1) of {@code items} items, each a PID and a full bitmask. */
    private static String nack(int items, int firstPid) {
        StringBuilder hex = new StringBuilder(String.format("81cd%04x", 2 + items) + "00000001" + String.format("%08x", SSRC));
        for (int item = 0; item < items; item++) {
            hex.append(String.format("%04x", (firstPid + 17 * item) & 0xFFFF)).append("ffff");
        }
        return hex.toString();
    }

    private void receiveReport() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(ByteBufUtil.decodeHexDump(receiverReport()));
        try {
            stream.receiveReport(buffer, 8, WALL_MS);
        } finally {
            buffer.release();
        }
    }

    private int receiveNack(String hex, long nowMs) {
        int before = resent.size();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(ByteBufUtil.decodeHexDump(hex));
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(buffer);
            assertTrue(reader.next());
            stream.receiveNack(reader, nowMs);
        } finally {
            buffer.release();
        }
        return resent.size() - before;
    }

    @Test
    void aReportCannotMakeTheRoundTripTimeZero() {
        receiveReport();
        assertTrue(stream.roundTripTime() > 0 && stream.roundTripTime() < 1, "RTT " + stream.roundTripTime());
        String one = nack(1, 0);
        assertEquals(17, receiveNack(one, 1000));
        // Asked again a millisecond later, then just within the floor: nothing is resent.
        assertEquals(0, receiveNack(one, 1001));
        assertEquals(0, receiveNack(one, 1000 + RtpStreamSend.MIN_RTT_MS));
        assertEquals(17, receiveNack(one, 1001 + RtpStreamSend.MIN_RTT_MS));
    }

    @Test
    void oneNackResendsAtMostItsBudget() {
        receiveReport();
        String everything = nack(32, 0);
        assertEquals(140, ByteBufUtil.decodeHexDump(everything).length);
        assertEquals(RtpStreamSend.MAX_RETRANSMISSIONS_PER_NACK, receiveNack(everything, 1000));
        // The same NACK again goes on with the packets not resent within the RTT.
        assertEquals(RtpStreamSend.MAX_RETRANSMISSIONS_PER_NACK, receiveNack(everything, 1001));
        assertEquals(2 * RtpStreamSend.MAX_RETRANSMISSIONS_PER_NACK, resent.stream().distinct().count());
    }

    @Test
    void aFloodOfNacksResendsAtMostTheBudgetPerSecond() {
        receiveReport();
        // On the heap, untracked: paranoid leak detection would time its own bookkeeping per read.
        ByteBuf everything = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(nack(32, 0)));
        CompoundPacketReader reader = new CompoundPacketReader();
        int nacks = 3000;
        long start = System.nanoTime();
        // One NACK per millisecond for three seconds, naming 544 packets each.
        for (int i = 0; i < nacks; i++) {
            reader.reset(everything).next();
            stream.receiveNack(reader, 1000 + i);
        }
        long perNackNs = (System.nanoTime() - start) / nacks;
        // The first second's burst, then the refill.
        int budget = RtpStreamSend.MAX_RETRANSMISSIONS_PER_SECOND;
        assertTrue(resent.size() <= 4 * budget && resent.size() >= 3 * budget, resent.size() + " retransmissions");
        // Some microseconds each on a quiet machine; the limit leaves room for a busy one.
        assertTrue(perNackNs < 500_000, perNackNs + " ns per NACK");
    }

    @Test
    void anHonestNackIsAnsweredWhole() {
        receiveReport();
        assertEquals(3, receiveNack("81cd0003" + "00000001" + String.format("%08x", SSRC) + "01f40005", 1000));
        assertEquals(List.of(500, 501, 503), resent);
    }
}
