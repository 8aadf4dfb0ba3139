package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An RTCP datagram from a media peer, walked as the worker walks it: every packet of the
 * compound, and in each SR, RR, generic NACK, PLI or FIR that passes its well-formedness
 * check, every field the worker reads, and every transport-cc feedback it parses. What the
 * check lets through must lie inside the packet; the buffer is exactly as large as the
 * datagram so that a read past it throws. A feedback parsed reports at most
 * {@link TransportFeedback#MAX_PARSED_STATUS_COUNT} packets, whatever its chunks claim.
 */
class RtcpFuzzTest {
    private static final int LEAD = 5;
    private final CompoundPacketReader reader = new CompoundPacketReader();
    private final TransportFeedback feedback = new TransportFeedback();

    @FuzzTest(maxDuration = "5s")
    void compoundPacket(byte[] datagram) {
        ByteBuf data = Unpooled.directBuffer(LEAD + datagram.length, LEAD + datagram.length);
        data.writeZero(LEAD).writeBytes(datagram).readerIndex(LEAD);
        try {
            reader.reset(data);
            int expectedIndex = LEAD;
            while (reader.next()) {
                assertEquals(expectedIndex, reader.index(), "packets follow each other");
                assertTrue(reader.length() >= 4 && reader.index() + reader.length() <= data.writerIndex());
                expectedIndex += reader.length();
                readPacket(data, reader.index(), reader.index() + reader.length());
            }
            assertTrue(reader.malformed() || expectedIndex == data.writerIndex(), "a clean walk covers the datagram");
        } finally {
            data.release();
        }
    }

    private void readPacket(ByteBuf data, int index, int end) {
        switch (reader.packetType()) {
            case RtcpType.SR:
                if (SenderReport.isWellFormed(reader)) {
                    long sum = SenderReport.ssrc(data, index) + SenderReport.ntpSeconds(data, index)
                            + SenderReport.ntpFraction(data, index) + SenderReport.rtpTimestamp(data, index)
                            + SenderReport.packetCount(data, index) + SenderReport.octetCount(data, index);
                    assertTrue(sum >= 0);
                    readReportBlocks(data, index + SenderReport.REPORT_BLOCKS_OFFSET, end);
                }
                break;
            case RtcpType.RR:
                if (ReceiverReport.isWellFormed(reader)) {
                    assertTrue(ReceiverReport.ssrc(data, index) >= 0);
                    readReportBlocks(data, index + ReceiverReport.REPORT_BLOCKS_OFFSET, end);
                }
                break;
            case RtcpType.RTPFB:
                if (Nack.is(reader)) {
                    assertTrue(Nack.mediaSsrc(reader) >= 0);
                    int items = Nack.itemCount(reader);
                    assertTrue(items >= 1 && index + 12 + 4 * items <= end);
                    for (int item = 0; item < items; item++) {
                        assertTrue(Nack.packetId(reader, item) <= 0xFFFF && Nack.lostBitmask(reader, item) <= 0xFFFF);
                    }
                } else if (TransportFeedback.is(reader) && feedback.parse(reader)) {
                    assertTrue(feedback.packetStatusCount() <= TransportFeedback.MAX_PARSED_STATUS_COUNT);
                    assertEquals(TransportFeedback.statusCount(reader), feedback.packetStatusCount());
                }
                break;
            case RtcpType.PSFB:
                if (KeyFrameRequest.is(reader)) {
                    int ssrcOffset = reader.count() == KeyFrameRequest.FIR ? 12 : 8;
                    assertTrue(index + ssrcOffset + 4 <= end);
                    assertTrue(KeyFrameRequest.mediaSsrc(reader) >= 0);
                }
                break;
            default:
                // SDES, BYE, APP, XR and other feedback are walked over, not read (as the worker does today).
                break;
        }
    }

    private void readReportBlocks(ByteBuf data, int first, int end) {
        for (int i = 0; i < reader.count(); i++) {
            int block = first + i * ReportBlock.SIZE;
            assertTrue(block + ReportBlock.SIZE <= end, "report block " + i + " lies inside its packet");
            long sum = ReportBlock.ssrc(data, block) + ReportBlock.fractionLost(data, block)
                    + ReportBlock.highestSequenceNumber(data, block) + ReportBlock.jitter(data, block)
                    + ReportBlock.lastSenderReport(data, block) + ReportBlock.delaySinceLastSenderReport(data, block);
            assertTrue(sum >= 0);
            int totalLost = ReportBlock.totalLost(data, block);
            assertTrue(totalLost >= -0x800000 && totalLost <= 0x7FFFFF);
        }
    }
}
