package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.Ntp;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.worker.codec.JsonRtpParameters;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A consumer's stream taking the receiver's reports: 3.8.4 shows each report's totals, 3.32.2
 * counts what its own link lost since the previous report (the first one: since the first
 * packet sent), leaving out the sequence numbers it never sent; 3.32.2 also measures a
 * round-trip time from every report that saw one of our SRs (0 means none: left out of stats)
 * and shows the jitter reported.
 */
class RtpStreamSendReportsTest {
    private static final long SSRC = 0x11223344L;
    /** The fraction every report here carries, which only 3.8.4 shows. */
    private static final int REPORTED_FRACTION = 25;

    /** Highest sequence number (with the receiver's cycles in the upper bits) and total lost of a report. */
    private record Report(long highestSeq, int totalLost) {
    }

    private static Arguments row(String name, int[] sent, List<Report> reports, long lost38, int fraction38,
            long lost332, int fraction332) {
        return Arguments.of(name, sent, reports, lost38, fraction38, lost332, fraction332);
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                row("30 sent, 7 lost", range(100, 130), List.of(new Report(129, 7)), 7, 25, 7, 7 * 256 / 30),
                row("5 never sent are not the link's loss", IntStream.concat(IntStream.range(100, 110),
                        IntStream.range(115, 130)).toArray(), List.of(new Report(129, 7)), 7, 25, 2, 2 * 256 / 25),
                row("a report behind the first packet sent measures nothing", range(100, 130),
                        List.of(new Report(0, 7)), 7, 25, 0, 0),
                row("each report measures since the previous one", range(100, 130),
                        List.of(new Report(119, 2), new Report(129, 5)), 5, 25, 5, 3 * 256 / 10),
                row("a total going down counts nothing more", range(100, 130),
                        List.of(new Report(119, 4), new Report(129, 2)), 2, 25, 4, 0),
                row("a reordered report is left out", range(100, 130),
                        List.of(new Report(129, 5), new Report(119, 2)), 2, 25, 5, 5 * 256 / 30),
                row("across the wrap, whatever the receiver's cycles", IntStream.concat(IntStream.range(65530, 65536),
                        IntStream.range(0, 10)).toArray(), List.of(new Report(0x30009, 4)), 4, 25, 4, 4 * 256 / 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void lossPerEra(String name, int[] sent, List<Report> received, long lost38, int fraction38, long lost332,
            int fraction332) {
        for (StreamReports reports : StreamReports.values()) {
            boolean era332 = reports == StreamReports.MEDIASOUP_3_32;
            RtpStreamSend stream = stream(reports);
            try {
                for (int seq : sent) {
                    send(stream, seq);
                }
                for (Report report : received) {
                    receive(stream, report);
                }
                RtpStreamStats stats = stream.stats(0);
                String era = era332 ? "3.32" : "3.8";
                assertEquals(era332 ? lost332 : lost38, stats.packetsLost(), era + " packetsLost");
                assertEquals(era332 ? fraction332 : fraction38, stats.fractionLost(), era + " fractionLost");
            } finally {
                stream.close();
            }
        }
    }

    private static RtpStreamSend stream(StreamReports reports) {
        RtpParameters parameters = JsonRtpParameters.parse(JsonParser.parseString("{\"codecs\":[{\"mimeType\":"
                + "\"video/VP8\",\"payloadType\":101,\"clockRate\":90000}],\"encodings\":[{\"ssrc\":" + SSRC + "}]}"));
        return new RtpStreamSend(RtpStreamParams.forSending(parameters, 0, false), new RtpStreamSend.Listener() {
            @Override
            public void onRtpStreamScore(RtpStreamSend stream) {}

            @Override
            public void onRtpStreamRetransmitRtpPacket(RtpStreamSend stream, RtpPacket packet) {}
        }, reports);
    }

    /** Whether the stream took the packet. */
    private static boolean send(RtpStreamSend stream, int seq) {
        ByteBuf buffer = Unpooled.buffer(100);
        buffer.writeByte(0x80).writeByte(101).writeShort(seq).writeInt(seq * 3000).writeInt((int) SSRC).writeZero(50);
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.parse(buffer));
        return stream.packetSent(packet, 0);
    }

    private static void receive(RtpStreamSend stream, Report report) {
        ByteBuf block = Unpooled.buffer(ReportBlock.SIZE);
        ReportBlock.write(block, SSRC, REPORTED_FRACTION, report.totalLost(), report.highestSeq(), 0, 0, 0);
        stream.receiveReport(block, 0, 0);
    }

    /**
     * A pause: 3.32.2 clears the jitter and the fraction lost (nothing is measured meanwhile) and
     * keeps the total; 3.8.4 keeps showing the last report's values.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StreamReports.class)
    void aPauseClearsTheJitterAndFractionLostIn332(StreamReports reports) {
        boolean era332 = reports == StreamReports.MEDIASOUP_3_32;
        RtpStreamSend stream = stream(reports);
        try {
            IntStream.range(100, 130).forEach(seq -> send(stream, seq));
            ByteBuf block = Unpooled.buffer(ReportBlock.SIZE);
            ReportBlock.write(block, SSRC, REPORTED_FRACTION, 7, 129, 1234, 0, 0);
            stream.receiveReport(block, 0, 0);
            stream.pause();
            RtpStreamStats stats = stream.stats(0);
            assertEquals(7, stats.packetsLost());
            assertEquals(era332 ? 0 : REPORTED_FRACTION, stats.fractionLost());
            assertEquals(0, stats.jitter());
        } finally {
            stream.close();
        }
    }

    /**
     * Sequence numbers that jump far ahead: the first packet of the jump is discarded (not sent)
     * in both eras, the next one restarts the numbering. 3.32.2 then measures its downlink loss
     * afresh: the first report after the restart only sets the marks, and the fraction lost goes.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StreamReports.class)
    void aSequenceNumberResetStartsTheDownlinkLossOver(StreamReports reports) {
        boolean era332 = reports == StreamReports.MEDIASOUP_3_32;
        RtpStreamSend stream = stream(reports);
        try {
            IntStream.range(100, 130).forEach(seq -> assertTrue(send(stream, seq)));
            receive(stream, new Report(129, 7));
            assertFalse(send(stream, 20_000));
            IntStream.range(20_001, 20_031).forEach(seq -> assertTrue(send(stream, seq)));
            RtpStreamStats restarted = stream.stats(0);
            assertEquals(1, restarted.packetsDiscarded());
            assertEquals(era332 ? 0 : REPORTED_FRACTION, restarted.fractionLost());
            receive(stream, new Report(20_030, 9));
            assertEquals(era332 ? 7 : 9, stream.stats(0).packetsLost(), "the first report after the restart");
            IntStream.range(20_031, 20_061).forEach(seq -> send(stream, seq));
            receive(stream, new Report(20_060, 15));
            RtpStreamStats stats = stream.stats(0);
            assertEquals(era332 ? 13 : 15, stats.packetsLost());
            assertEquals(era332 ? 6 * 256 / 30 : REPORTED_FRACTION, stats.fractionLost());
        } finally {
            stream.close();
        }
    }

    /** 3.32.2 shows the jitter the receiver reports; 3.8.4 shows none for a sending stream. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StreamReports.class)
    void reportedJitter(StreamReports reports) {
        RtpStreamSend stream = stream(reports);
        try {
            send(stream, 1);
            ByteBuf block = Unpooled.buffer(ReportBlock.SIZE);
            ReportBlock.write(block, SSRC, 0, 0, 1, 1234, 0, 0);
            stream.receiveReport(block, 0, 0);
            assertEquals(reports == StreamReports.MEDIASOUP_3_32 ? 1234 : 0, stream.stats(0).jitter());
        } finally {
            stream.close();
        }
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                Arguments.of("no SR seen yet", 0L, 0L, false, 0.0, 0.0),
                Arguments.of("1 s, answered at once", 0x10000L, 0L, true, 0.0, 1000.0),
                Arguments.of("256/65536 s", 0x100L, 0x20000L, true, 256 * 1000.0 / 65536, (float) 3.906),
                Arguments.of("a clock gone backwards", -0x100L, 0x20000L, true, 0.0, 1.0));
    }

    /** A report whose LSR (when {@code seen}) and DLSR make now - DLSR - LSR = {@code rtt} (1/65536 s). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void roundTripTimePerEra(String name, long rtt, long dlsr, boolean seen, double rtt38, double rtt332) {
        long wallMs = 1_780_000_000_000L;
        long now = Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs));
        for (StreamReports reports : StreamReports.values()) {
            RtpStreamSend stream = stream(reports);
            try {
                send(stream, 1);
                ByteBuf block = Unpooled.buffer(ReportBlock.SIZE);
                ReportBlock.write(block, SSRC, 0, 0, 1, 0, seen ? (now - dlsr - rtt) & 0xFFFFFFFFL : 0, dlsr);
                stream.receiveReport(block, 0, wallMs);
                assertEquals(reports == StreamReports.MEDIASOUP_3_32 ? rtt332 : rtt38, stream.stats(0).roundTripTime(),
                        1e-9, reports.name());
            } finally {
                stream.close();
            }
        }
    }
}
