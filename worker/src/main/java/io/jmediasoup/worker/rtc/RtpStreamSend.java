package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.Nack;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.rtp.rtcp.Sdes;
import io.jmediasoup.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stream a consumer sends: counters and bitrate, sender reports, the remote receiver's
 * reports (loss, round-trip time, score) and NACKs, answered from a retransmission buffer
 * with RTX (RFC 4588) when negotiated, else with the original packet.
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

    final RtpStreamParams params;
    private final Listener listener;
    private final RateCalculator bitrate = new RateCalculator(2500);
    private final RetransmissionBuffer retransmissionBuffer;
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

    RtpStreamSend(RtpStreamParams params, Listener listener) {
        this.params = params;
        this.listener = listener;
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

    /** Counts a packet sent on this stream and keeps it for retransmission. */
    void packetSent(RtpPacket packet, long nowMs) {
        if (packetCount == 0 || SeqManager.isTimestampHigherThan(packet.timestamp(), maxPacketTimestamp)) {
            maxPacketTimestamp = packet.timestamp();
            maxPacketMs = nowMs;
        }
        packetCount++;
        byteCount += packet.size();
        bitrate.update(packet.size(), nowMs);
        if (retransmissionBuffer != null) {
            retransmissionBuffer.store(packet);
        }
    }

    /** Answers a NACK: each packet still kept, not too old and not resent within an RTT, is sent again. */
    void receiveNack(CompoundPacketReader reader, long nowMs) {
        nackCount++;
        for (int item = 0; item < Nack.itemCount(reader); item++) {
            int pid = Nack.packetId(reader, item);
            int bitmask = Nack.lostBitmask(reader, item);
            retransmit(pid, nowMs);
            nackPacketCount++;
            for (int bit = 0; bit < 16; bit++) {
                if ((bitmask & (1 << bit)) != 0) {
                    retransmit((pid + bit + 1) & 0xFFFF, nowMs);
                    nackPacketCount++;
                }
            }
        }
    }

    private void retransmit(int seq, long nowMs) {
        if (retransmissionBuffer == null || !retransmissionBuffer.contains(seq)) {
            return;
        }
        long ageMs = ((maxPacketTimestamp - retransmissionBuffer.timestamp(seq)) & 0xFFFFFFFFL) * 1000
                / params.codec().clockRate();
        if (ageMs > MAX_RETRANSMISSION_DELAY_MS) {
            return;
        }
        long rttMs = roundTripTime > 0 ? (long) roundTripTime : DEFAULT_RTT_MS;
        long resentAtMs = retransmissionBuffer.resentAtMs(seq);
        if (resentAtMs != 0 && nowMs - resentAtMs <= rttMs) {
            return;
        }
        if (retransmission == null) {
            retransmission = PooledByteBufAllocator.DEFAULT.directBuffer(2 * RetransmissionBuffer.SLOT_SIZE);
            retransmitted = new RtpPacket();
        }
        if (!retransmissionBuffer.copyTo(seq, retransmission, retransmitted)) {
            return;
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

    /** Takes the remote receiver's report block about this stream: loss, round-trip time, score. */
    void receiveReport(ByteBuf buffer, int block, long wallMs) {
        long now = Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs));
        long lastSr = ReportBlock.lastSenderReport(buffer, block);
        long dlsr = ReportBlock.delaySinceLastSenderReport(buffer, block);
        if (lastSr != 0 && dlsr != 0 && now > dlsr + lastSr) {
            long rtt = now - dlsr - lastSr;
            roundTripTime = (rtt >> 16) * 1000 + (rtt & 0xFFFF) * 1000.0 / 65536;
        }
        packetsLost = ReportBlock.totalLost(buffer, block);
        fractionLost = ReportBlock.fractionLost(buffer, block);
        updateScore();
    }

    private void updateScore() {
        long sent = packetCount - sentPriorScore;
        sentPriorScore = packetCount;
        long totalLost = Math.max(0, packetsLost);
        long lost = totalLost < lostPriorScore ? 0 : totalLost - lostPriorScore;
        lostPriorScore = totalLost;
        long repaired = packetsRepaired - repairedPriorScore;
        repairedPriorScore = packetsRepaired;
        long retransmittedNow = packetsRetransmitted - retransmittedPriorScore;
        retransmittedPriorScore = packetsRetransmitted;
        if (score.add(StreamScore.sample(sent, lost, repaired, retransmittedNow))) {
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

    /** Nothing sent before a pause is worth retransmitting after it. */
    void pause() {
        if (retransmissionBuffer != null) {
            retransmissionBuffer.clear();
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
    protected void fillTypeStats(JsonObject json) {
        json.addProperty("type", "outbound-rtp");
    }
}
