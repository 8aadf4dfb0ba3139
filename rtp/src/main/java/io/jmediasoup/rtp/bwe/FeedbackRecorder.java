package io.jmediasoup.rtp.bwe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes what a {@link SendSideBandwidthEstimator} is fed, one line per call, in the format
 * {@link FeedbackRecording} reads, so that a live session can be replayed later with its own
 * clock. A debugging aid: the first write that fails ends the recording instead of throwing,
 * and the lines are buffered by the writer given, flushed about once a second.
 */
public final class FeedbackRecorder implements AutoCloseable {
    private static final long FLUSH_INTERVAL_MS = 1000;

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    private boolean closed;
    private long lastFlushMs = Long.MIN_VALUE;

    /** Starts the recording with its header: the estimator's construction at {@code nowMs}. */
    public FeedbackRecorder(Writer out, long nowMs, long initialBitrate, long minBitrate, long maxBitrate) {
        this.out = out;
        write(line().append(FeedbackRecording.HEADER));
        write(line().append("B ").append(nowMs).append(' ').append(initialBitrate).append(' ')
                .append(minBitrate).append(' ').append(maxBitrate));
    }

    /** A line the reader skips: where and when the recording was made. */
    public void comment(String text) {
        write(line().append("# ").append(text.replace('\n', ' ')));
    }

    /** {@link SendSideBandwidthEstimator#onPacketSent} ({@code probeCluster} -1) or onProbePacketSent. */
    public void packetSent(long nowMs, int sequenceNumber, int size, int probeCluster) {
        StringBuilder s = line().append("S ").append(nowMs).append(' ').append(sequenceNumber).append(' ').append(size);
        if (probeCluster >= 0) {
            s.append(' ').append(probeCluster);
        }
        write(s);
    }

    /** {@link SendSideBandwidthEstimator#onRtt}, which carries no time of its own. */
    public void rtt(long nowMs, long rttMs) {
        write(line().append("R ").append(nowMs).append(' ').append(rttMs));
    }

    public void maxBitrate(long nowMs, long maxBitrate) {
        write(line().append("M ").append(nowMs).append(' ').append(maxBitrate));
    }

    /** The transport-cc feedback packet of {@code length} bytes at {@code index}, header included. */
    public void feedback(long nowMs, ByteBuf buffer, int index, int length) {
        write(line().append("F ").append(nowMs).append(' ').append(ByteBufUtil.hexDump(buffer, index, length)));
    }

    /** What the estimator concluded from the feedback just recorded: replays must reproduce it. */
    public void estimate(long nowMs, long bitrate, BandwidthUsage usage) {
        write(line().append("E ").append(nowMs).append(' ').append(bitrate).append(' ').append(usage.name()));
        if (!closed && nowMs - lastFlushMs >= FLUSH_INTERVAL_MS) {
            lastFlushMs = nowMs;
            try {
                out.flush();
            } catch (IOException e) {
                end();
            }
        }
    }

    /** Flushes and closes the writer; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            // Nothing more can be done about a debugging file; the writer is closed below.
        }
        end();
    }

    public boolean isClosed() {
        return closed;
    }

    private StringBuilder line() {
        line.setLength(0);
        return line;
    }

    private void write(StringBuilder s) {
        if (closed) {
            return;
        }
        try {
            out.append(s).append('\n');
        } catch (IOException e) {
            end();
        }
    }

    private void end() {
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // Already failing: the recording ends here either way.
        }
    }
}
