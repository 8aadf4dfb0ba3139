package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.Nack;
import io.jmediasoup.rtp.rtcp.Ntp;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.rtp.rtcp.Sdes;
import io.jmediasoup.rtp.rtcp.SenderReport;
import io.jmediasoup.rtp.stream.RateCalculator;
import io.jmediasoup.rtp.stream.RetransmissionBuffer;
import io.jmediasoup.rtp.stream.StreamScore;
import io.jmediasoup.rtp.stream.TokenBucket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stream a consumer sends: its sequence numbers validated ({@link RtpSequence}), counters and
 * bitrate, sender reports, the remote receiver's reports (loss, round-trip time, score) and
 * NACKs, answered from a retransmission buffer with RTX (RFC 4588) when negotiated, else with
 * the original packet. A NACK is cheap to send
 * and names up to 17 packets per 4-byte item, so repairs are bounded: a packet is not resent
 * twice within the round-trip time (never taken below {@link #MIN_RTT_MS}, which reports can
 * otherwise make 0), one NACK triggers at most {@link #MAX_RETRANSMISSIONS_PER_NACK}, and a
 * stream at most {@link #MAX_RETRANSMISSIONS_PER_SECOND}. The C++ worker of 3.8.4 has none of
 * these bounds; later ones pace retransmissions at 2 per 10 ms.
 */
final class RtpStreamSend extends RtpStream {
    /** Its consumer: told of score changes and given retransmissions to send. */
    interface Listener {
        void onRtpStreamScore(RtpStreamSend stream);

        /** A retransmission (RTX or original) to send now; lent for the call. */
        void onRtpStreamRetransmitRtpPacket(RtpStreamSend stream, RtpPacket packet);
    }

    /** Packets older than this (by RTP time behind the newest sent) are not retransmitted. */
    private static final long MAX_RETRANSMISSION_DELAY_MS = 2000;
    private static final long DEFAULT_RTT_MS = 100;
    /** The least round-trip time a resend waits for, whatever the reports say. */
    static final long MIN_RTT_MS = 20;
    /** Four NACK items' worth: the rest of a longer NACK is repaired when the peer asks again. */
    static final int MAX_RETRANSMISSIONS_PER_NACK = 64;
    /** Above the repairs of a 10 Mbit/s video losing a quarter of its packets (about 260 a second). */
    static final int MAX_RETRANSMISSIONS_PER_SECOND = 300;

    final RtpStreamParams params;
    private final Listener listener;
    private final RateCalculator bitrate = new RateCalculator(2500);
    private final RetransmissionBuffer retransmissionBuffer;
    private final TokenBucket retransmissionBudget = new TokenBucket(MAX_RETRANSMISSIONS_PER_SECOND);
    private ByteBuf retransmission;
    /** The view of {@link #retransmission}, allocated with it on the first retransmission. */
    private RtpPacket retransmitted;
    private int rtxSeq = ThreadLocalRandom.current().nextInt(0x10000);
    private long maxPacketTimestamp;
    private long maxPacketMs;
    private long lastRtcpSentMs;
    private long sentPriorScore;
    private long lostPriorScore;
    private long repairedPriorScore;
    private long retransmittedPriorScore;
    private final StreamReports reports;
    /** 3.32.2's count of loss on this link alone; null for 3.8.4's, which takes each report's totals. */
    private final DownlinkLoss downlinkLoss;
    /** The last report's interarrival jitter, which 3.32.2 shows for a sending stream (3.8.4 shows none). */
    private long reportedJitter;
    private final RtpSequence sequence = new RtpSequence();

    RtpStreamSend(RtpStreamParams params, Listener listener, StreamReports reports) {
        this.params = params;
        this.listener = listener;
        this.reports = reports;
        this.downlinkLoss = reports == StreamReports.MEDIASOUP_3_32 ? new DownlinkLoss() : null;
        this.retransmissionBuffer = params.useNack() ? new RetransmissionBuffer() : null;
    }

    /** Whether any packet was sent, so that {@link #maxPacketTimestamp} means something. */
    boolean hasSentPackets() {
        return packetCount > 0;
    }

    /** The highest RTP timestamp sent (modulo 2^32). */
    long maxPacketTimestamp() {
        return maxPacketTimestamp;
    }

    /**
     * Counts a packet about to be sent on this stream and keeps it for retransmission; false when
     * its sequence number is to be discarded, as both C++ workers' streams do (it is not sent).
     */
    boolean packetSent(RtpPacket packet, long nowMs) {
        RtpSequence.Verdict verdict = sequence.receive(packet.sequenceNumber());
        if (verdict == RtpSequence.Verdict.DISCARDED) {
            packetsDiscarded++;
            return false;
        }
        if (verdict == RtpSequence.Verdict.RESET && reports == StreamReports.MEDIASOUP_3_32) {
            sequenceNumberReset();
        }
        if (packetCount == 0 || SeqManager.isTimestampHigherThan(packet.timestamp(), maxPacketTimestamp)) {
            maxPacketTimestamp = packet.timestamp();
            maxPacketMs = nowMs;
        }
        packetCount++;
        byteCount += packet.size();
        bitrate.update(packet.size(), nowMs);
        if (downlinkLoss != null) {
            downlinkLoss.sent(packet.sequenceNumber());
        }
        if (retransmissionBuffer != null) {
            retransmissionBuffer.store(packet);
        }
        return true;
    }

    /**
     * 3.32.2's answer to a numbering that restarted: the packets kept belong to the old one, and
     * so do the marks the downlink loss is measured from; the fraction lost measured over it
     * goes (the total stays: it counts over the stream's life).
     */
    private void sequenceNumberReset() {
        if (retransmissionBuffer != null) {
            retransmissionBuffer.clear();
        }
        downlinkLoss.reset();
        fractionLost = 0;
    }

    /**
     * Answers a NACK: each packet still kept, not too old and not resent within an RTT is sent
     * again, within the budgets.
     */
    void receiveNack(CompoundPacketReader reader, long nowMs) {
        nackCount++;
        int retransmissions = 0;
        for (int item = 0; item < Nack.itemCount(reader); item++) {
            int pid = Nack.packetId(reader, item);
            int bitmask = Nack.lostBitmask(reader, item);
            nackPacketCount += 1 + Integer.bitCount(bitmask);
            if (retransmissions >= MAX_RETRANSMISSIONS_PER_NACK) {
                continue;
            }
            if (retransmit(pid, nowMs)) {
                retransmissions++;
            }
            for (int bit = 0; bit < 16 && retransmissions < MAX_RETRANSMISSIONS_PER_NACK; bit++) {
                if ((bitmask & (1 << bit)) != 0 && retransmit((pid + bit + 1) & 0xFFFF, nowMs)) {
                    retransmissions++;
                }
            }
        }
    }

    /** Resends the packet {@code seq} if it may be; whether it was. */
    private boolean retransmit(int seq, long nowMs) {
        if (retransmissionBuffer == null || !retransmissionBuffer.contains(seq)) {
            return false;
        }
        long ageMs = ((maxPacketTimestamp - retransmissionBuffer.timestamp(seq)) & 0xFFFFFFFFL) * 1000
                / params.codec().clockRate();
        if (ageMs > MAX_RETRANSMISSION_DELAY_MS) {
            return false;
        }
        long rttMs = roundTripTime > 0 ? Math.max(MIN_RTT_MS, (long) roundTripTime) : DEFAULT_RTT_MS;
        long resentAtMs = retransmissionBuffer.resentAtMs(seq);
        if (resentAtMs != 0 && nowMs - resentAtMs <= rttMs) {
            return false;
        }
        if (!retransmissionBudget.take(1, nowMs)) {
            return false;
        }
        if (retransmission == null) {
            retransmission = PooledByteBufAllocator.DEFAULT.directBuffer(2 * RetransmissionBuffer.SLOT_SIZE);
            retransmitted = new RtpPacket();
        }
        if (!retransmissionBuffer.copyTo(seq, retransmission, retransmitted)) {
            return false;
        }
        if (params.hasRtx()) {
            // Encode behind the original, then view the RTX packet alone.
            int originalEnd = retransmission.writerIndex();
            rtxSeq = (rtxSeq + 1) & 0xFFFF;
            retransmitted.writeRtx(retransmission, params.rtxPayloadType(), params.rtxSsrc(), rtxSeq);
            boolean keyFrame = retransmitted.isKeyFrame();
            retransmission.readerIndex(originalEnd);
            retransmitted.parse(retransmission);
            retransmitted.setKeyFrame(keyFrame);
        }
        int sentTimes = retransmissionBuffer.markResent(seq, nowMs);
        listener.onRtpStreamRetransmitRtpPacket(this, retransmitted);
        packetsRetransmitted++;
        if (sentTimes == 1) {
            packetsRepaired++;
        }
        return true;
    }

    /** Whether a sender report is due: something was sent, and not reported for long enough. */
    boolean reportDue(long nowMs, long maxIntervalMs) {
        return packetCount > 0 && (nowMs - lastRtcpSentMs) * 1.15 >= maxIntervalMs;
    }

    /** Writes an SR for now, with the RTP time extrapolated from the last packet sent, then SDES. */
    void writeSenderReport(ByteBuf out, long nowMs, long wallMs) {
        lastRtcpSentMs = nowMs;
        long rtpTimestamp = maxPacketTimestamp + (nowMs - maxPacketMs) * params.codec().clockRate() / 1000;
        SenderReport.write(out, params.ssrc(), Ntp.seconds(wallMs), Ntp.fraction(wallMs), rtpTimestamp & 0xFFFFFFFFL,
                packetCount, byteCount);
        Sdes.writeCname(out, params.ssrc(), params.cname());
    }

    /**
     * Takes the remote receiver's report block about this stream: loss, round-trip time, score.
     * Returns the round-trip time it measured (ms), or -1 when the block carries none.
     */
    double receiveReport(ByteBuf buffer, int block, long wallMs) {
        long now = Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs));
        long lastSr = ReportBlock.lastSenderReport(buffer, block);
        long dlsr = ReportBlock.delaySinceLastSenderReport(buffer, block);
        double measured = -1;
        if (reports == StreamReports.MEDIASOUP_3_32 && lastSr != 0) {
            roundTripTime = StreamReports.roundTripTimeMs(now, dlsr, lastSr);
            measured = roundTripTime;
        } else if (lastSr != 0 && dlsr != 0 && now > dlsr + lastSr) {
            long rtt = now - dlsr - lastSr;
            roundTripTime = (rtt >> 16) * 1000 + (rtt & 0xFFFF) * 1000.0 / 65536;
            measured = roundTripTime;
        }
        if (downlinkLoss == null) {
            packetsLost = ReportBlock.totalLost(buffer, block);
            fractionLost = ReportBlock.fractionLost(buffer, block);
            long totalLost = Math.max(0, packetsLost);
            long lost = totalLost < lostPriorScore ? 0 : totalLost - lostPriorScore;
            lostPriorScore = totalLost;
            updateScore(lost);
        } else {
            reportedJitter = ReportBlock.jitter(buffer, block);
            DownlinkLoss.Interval interval = downlinkLoss.report(ReportBlock.highestSequenceNumber(buffer, block),
                    ReportBlock.totalLost(buffer, block));
            if (interval != null) {
                packetsLost = Math.min(packetsLost + interval.lost(), Integer.MAX_VALUE);
                fractionLost = interval.expected() > 0
                        ? (int) Math.min((interval.lost() << 8) / interval.expected(), 255)
                        : 0;
            }
            // A report measuring no interval says nothing of the score, but the counters move on.
            updateScore(interval == null ? -1 : interval.lost());
        }
        return measured;
    }

    /** Scores the interval since the last report, in which {@code lost} packets were lost (-1: not measured). */
    private void updateScore(long lost) {
        long sent = packetCount - sentPriorScore;
        sentPriorScore = packetCount;
        long repaired = packetsRepaired - repairedPriorScore;
        repairedPriorScore = packetsRepaired;
        long retransmittedNow = packetsRetransmitted - retransmittedPriorScore;
        retransmittedPriorScore = packetsRetransmitted;
        if (lost >= 0 && score.add(StreamScore.sample(sent, lost, repaired, retransmittedNow))) {
            listener.onRtpStreamScore(this);
        }
    }

    /** Counts a key-frame request from the remote receiver. */
    void keyFrameRequested(boolean fir) {
        if (fir) {
            firCount++;
        } else {
            pliCount++;
        }
    }

    /**
     * Its consumer stopped forwarding (paused, its producer paused, its transport gone): nothing
     * sent before is worth retransmitting after. 3.32.2 also clears the jitter and the fraction
     * lost, nothing being measured meanwhile.
     */
    void pause() {
        if (retransmissionBuffer != null) {
            retransmissionBuffer.clear();
        }
        if (reports == StreamReports.MEDIASOUP_3_32) {
            reportedJitter = 0;
            fractionLost = 0;
        }
    }

    /** Frees its native buffers; the consumer is gone. */
    void close() {
        if (retransmissionBuffer != null) {
            retransmissionBuffer.release();
        }
        if (retransmission != null) {
            retransmission.release();
            retransmission = null;
        }
    }

    @Override
    RtpStreamParams params() {
        return params;
    }

    @Override
    long bitrate(long nowMs) {
        return bitrate.rate(nowMs);
    }

    @Override
    protected long jitter() {
        return reportedJitter;
    }

    @Override
    protected boolean inbound() {
        return false;
    }
}
