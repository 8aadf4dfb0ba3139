package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import io.jmediasoup.rtp.srtp.SrtpSession;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * A transport's two SRTP sessions once both keys are known: ours protects what it sends, the
 * remote's unprotects what it receives. Outgoing packets are protected into one reused buffer,
 * so the caller's packet stays as it was for the next consumer; incoming ones are unprotected
 * in place. A refused packet is dropped, counted and logged as the C++ worker logs it.
 */
final class SrtpSessions {
    /** Room for the largest datagram a transport reads plus any trailer; grows if a packet needs more. */
    private static final int SCRATCH_SIZE = 2048 + 32;

    private final SrtpSession sendSession;
    private final SrtpSession recvSession;
    private final Logger logger;
    private final String source;
    private final ByteBuf scratch = PooledByteBufAllocator.DEFAULT.directBuffer(SCRATCH_SIZE);
    private long packetsDropped;

    /** {@code localKey} and {@code remoteKey} are keying material: master key followed by master salt. */
    SrtpSessions(SrtpProfile profile, byte[] localKey, byte[] remoteKey, Logger logger, String source) {
        this.sendSession = SrtpSession.outbound(profile, localKey);
        this.recvSession = SrtpSession.inbound(profile, remoteKey);
        this.logger = logger;
        this.source = source;
    }

    /** {@code packet} (its readable bytes) protected, in a buffer lent until the next call; null if it cannot be. */
    ByteBuf protectRtp(ByteBuf packet) {
        scratch.clear().writeBytes(packet, packet.readerIndex(), packet.readableBytes());
        if (!sendSession.protectRtp(scratch)) {
            logger.warn(LogTag.SRTP, source, "srtp_protect() failed: " + sendSession.lastFailure());
            return null;
        }
        return scratch;
    }

    /** As {@link #protectRtp}, for an RTCP (compound) packet. */
    ByteBuf protectRtcp(ByteBuf packet) {
        scratch.clear().writeBytes(packet, packet.readerIndex(), packet.readableBytes());
        if (!sendSession.protectRtcp(scratch)) {
            logger.warn(LogTag.SRTP, source, "srtp_protect_rtcp() failed: " + sendSession.lastFailure());
            return null;
        }
        return scratch;
    }

    /** Unprotects the SRTP packet in {@code data} in place; false (dropped and counted) if refused. */
    boolean unprotectRtp(ByteBuf data) {
        if (recvSession.unprotectRtp(data)) {
            return true;
        }
        packetsDropped++;
        if (logger.debugEnabled(LogTag.SRTP)) {
            logger.debug(LogTag.SRTP, "SrtpSession", "srtp_unprotect() failed: " + recvSession.lastFailure());
        }
        if (logger.warnEnabled(LogTag.SRTP)) {
            if (recvSession.lastFailure().equals(SrtpSession.BAD_PARAM)) {
                logger.warn(LogTag.SRTP, source, "DecryptSrtp() failed due to an invalid RTP packet");
            } else {
                int at = data.readerIndex();
                logger.warn(LogTag.SRTP, source, "DecryptSrtp() failed [ssrc:" + data.getUnsignedInt(at + 8)
                        + ", payloadType:" + (data.getUnsignedByte(at + 1) & 0x7F)
                        + ", seq:" + data.getUnsignedShort(at + 2) + "]");
            }
        }
        return false;
    }

    /** Unprotects the SRTCP packet in {@code data} in place; false (dropped and counted) if refused. */
    boolean unprotectRtcp(ByteBuf data) {
        if (recvSession.unprotectRtcp(data)) {
            return true;
        }
        packetsDropped++;
        if (logger.debugEnabled(LogTag.SRTP)) {
            logger.debug(LogTag.SRTP, "SrtpSession", "srtp_unprotect_rtcp() failed: " + recvSession.lastFailure());
        }
        return false;
    }

    /** Incoming packets refused: forged, replayed, malformed or keyed otherwise. */
    long packetsDropped() {
        return packetsDropped;
    }

    /** A producer's stream of {@code ssrc} is gone: its replay state goes too. */
    void recvStreamClosed(long ssrc) {
        recvSession.removeStream(ssrc);
    }

    /** A consumer's stream of {@code ssrc} is gone. */
    void sendStreamClosed(long ssrc) {
        sendSession.removeStream(ssrc);
    }

    void close() {
        scratch.release();
    }
}
