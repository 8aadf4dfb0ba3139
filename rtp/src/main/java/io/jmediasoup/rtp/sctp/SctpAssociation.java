package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

/**
 * One SCTP association for WebRTC data channels (RFC 9260, RFC 8831), sans-I/O: SCTP packets
 * and timer expiries in, SCTP packets and callbacks out, the time given with every call. The
 * packets travel in whatever the caller likes (UDP for Plain and Pipe transports, DTLS for
 * WebRtcTransport, RFC 8261). Both ends use port 5000 and streams negotiated out of band, as
 * mediasoup does: no DCEP here.
 *
 * <p>Handshake with a state cookie (either side may start, or both at once); DATA with
 * fragmentation, reassembly and ordered or unordered delivery; SACK with gap blocks; T3-rtx
 * retransmission with RTO (§6.3) and congestion control (§7); heartbeats; FORWARD TSN for
 * partially reliable messages (RFC 3758); stream resets (RFC 6525); ABORT and the graceful
 * SHUTDOWN. Not implemented: multi-homing, I-DATA, stream additions, association restart.
 *
 * <p>Single-threaded: every call comes from the owner's event loop. Buffers given in are lent
 * for the call; buffers given to the listener are lent for the callback.
 */
public final class SctpAssociation {
    /** Where the association reports; called on the caller's thread during its calls. */
    public interface Listener {
        /** An SCTP packet to carry to the peer, lent for the call. */
        void onSctpPacket(ByteBuf packet);

        void onSctpStateChange(SctpState state);

        /** A whole message from the peer, lent for the call. */
        void onSctpMessage(int streamId, long ppid, ByteBuf message);

        /** Bytes queued and not yet acknowledged changed, or those not yet sent once did. */
        void onSctpBufferedAmount(long bufferedAmount);

        /** The peer reset these streams of its own (our incoming ones): a data channel closed. */
        void onSctpIncomingStreamsReset(int[] streamIds);
    }

    private enum Phase {
        CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED,
        SHUTDOWN_ACK_SENT, ENDED
    }

    private static final int MAX_INIT_RETRANSMITS = 8;
    private static final int MAX_ASSOCIATION_RETRANSMITS = 10;
    private static final long HEARTBEAT_INTERVAL_MS = 30_000;
    private static final long COOKIE_LIFETIME_MS = 60_000;
    private static final long OFF = Long.MAX_VALUE;

    private final SctpConfig config;
    private final Listener listener;
    private final ByteBufAllocator allocator;
    private final byte[] cookieKey = new byte[32];
    private final long myTag;
    private final long myInitialTsn;
    private final ChunkReader reader = new ChunkReader();
    private final Rto rto = new Rto();

    private Phase phase = Phase.CLOSED;
    private SctpState state = SctpState.NEW;
    private long peerTag;
    private int outboundStreams;
    private int inboundStreams;
    private boolean peerForwardTsn;
    private boolean peerReconfig;
    /** RFC 9653 negotiated: both offered the same method, so packets go out without a checksum. */
    private boolean zeroChecksum;
    /** The packet being filled carries a COOKIE ECHO, which needs a correct checksum (RFC 9653 §5.2). */
    private boolean outNeedsChecksum;
    private Tsn sentTsns;
    private ReceivedTsns received;
    private Reassembly reassembly;
    private SendQueue sendQueue;
    /**
     * Messages given before the handshake made the send queue, in order; it takes them when it
     * is made (those on streams beyond the negotiated ones are dropped).
     */
    private final ArrayDeque<SendQueue.Message> early = new ArrayDeque<>();
    private long earlyBytes;
    private byte[] cookieToEcho;
    private boolean sackDue;
    private long lastBufferedAmount;
    private long lastQueuedAmount;
    private long lastPeerArwnd;
    private int[] gaps = new int[32];
    private final int[] skippedStreams = new int[64];

    private long t1;
    private long t2;
    private long t3 = OFF;
    private long heartbeatAt = OFF;
    private long reconfigAt = OFF;
    private int initRetransmits;
    private int errorCount;
    private boolean heartbeatOutstanding;

    /** Stream resets waiting to be requested: each one int[] of stream ids, negative for incoming. */
    private final ArrayDeque<int[]> resetsToRequest = new ArrayDeque<>();
    private int[] pendingReset;
    private long pendingResetSequence;
    private long pendingResetLastTsn;
    private long nextReconfigSequence;
    private long expectedPeerReconfigSequence;
    private int lastPeerReconfigResult;

    private ByteBuf out;
    private long malformedPackets;

    public SctpAssociation(SctpConfig config, Listener listener, ByteBufAllocator allocator) {
        this(config, listener, allocator, new SecureRandom());
    }

    /** With {@code random} for tags, TSNs and the cookie key: tests give a seeded one. */
    public SctpAssociation(SctpConfig config, Listener listener, ByteBufAllocator allocator, Random random) {
        this.config = config;
        this.listener = listener;
        this.allocator = allocator;
        random.nextBytes(cookieKey);
        this.myTag = 1 + (random.nextInt() & 0x7FFFFFFFL);
        this.myInitialTsn = random.nextInt() & 0xFFFFFFFFL;
        this.nextReconfigSequence = myInitialTsn;
    }

    public SctpState state() {
        return state;
    }

    /** Negotiated outbound streams: min(our OS, the peer's MIS); 0 until connected. */
    public int outboundStreams() {
        return outboundStreams;
    }

    public int inboundStreams() {
        return inboundStreams;
    }

    /** Whether zero checksums (RFC 9653) were negotiated: the peer offered the method we offer. */
    public boolean zeroChecksumNegotiated() {
        return zeroChecksum;
    }

    /** Whether the peer supports stream resets (RE-CONFIG). */
    public boolean reconfigSupported() {
        return peerReconfig;
    }

    public long bufferedAmount() {
        return sendQueue != null ? sendQueue.bufferedAmount() : earlyBytes;
    }

    /** Bytes of all messages not yet sent once. */
    private long queuedAmount() {
        return sendQueue != null ? sendQueue.queuedAmount() : earlyBytes;
    }

    /**
     * Bytes of {@code streamId}'s messages not yet sent once (what mediasoup 3.32 reports as a
     * stream's buffered amount; {@link #bufferedAmount()} also holds those sent and not acknowledged).
     */
    public long streamQueuedAmount(int streamId) {
        if (sendQueue != null) {
            return sendQueue.streamQueuedAmount(streamId);
        }
        long amount = 0;
        for (SendQueue.Message message : early) {
            if (message.streamId == streamId) {
                amount += message.data.readableBytes();
            }
        }
        return amount;
    }

    /** Packets dropped as malformed (bad checksum, truncated chunks). */
    public long malformedPackets() {
        return malformedPackets;
    }

    /** Messages from the peer dropped for exceeding maxMessageSize, as the C++ worker drops them. */
    public long oversizedMessages() {
        return reassembly != null ? reassembly.oversizedMessages() : 0;
    }

    /** What the reassembly holds, charged against the receive window. */
    long bufferedReceiveBytes() {
        return reassembly != null ? reassembly.chargedBytes() : 0;
    }

    /** Runs of TSNs received beyond the cumulative point. */
    int receivedRuns() {
        return received != null ? received.runs() : 0;
    }

    /** Starts the handshake: INIT, then "connecting". Does nothing unless new. */
    public void connect(long nowMs) {
        if (phase != Phase.CLOSED || state != SctpState.NEW) {
            return;
        }
        phase = Phase.COOKIE_WAIT;
        setState(SctpState.CONNECTING);
        sendInit();
        t1 = nowMs + rto.value();
    }

    /** The earliest time {@link #handleTimeout} has something to do, or Long.MAX_VALUE. */
    public long nextTimeout() {
        if (phase == Phase.ENDED) {
            return OFF;
        }
        long next = Math.min(Math.min(t3, heartbeatAt), reconfigAt);
        if (phase == Phase.COOKIE_WAIT || phase == Phase.COOKIE_ECHOED) {
            next = Math.min(next, t1);
        }
        if (phase == Phase.SHUTDOWN_SENT || phase == Phase.SHUTDOWN_ACK_SENT) {
            next = Math.min(next, t2);
        }
        return next;
    }

    /**
     * Queues a message (copied) on {@code streamId}; it goes out as the windows allow, once the
     * association is established when it is not yet. PPIDs are the caller's business (51
     * string, 53 binary, 56/57 their empty forms).
     */
    public SendResult send(int streamId, long ppid, ByteBuf message, SendOptions options, long nowMs) {
        boolean beforeQueue = sendQueue == null
                && (phase == Phase.CLOSED || phase == Phase.COOKIE_WAIT || phase == Phase.COOKIE_ECHOED);
        if (!beforeQueue && (sendQueue == null || phase != Phase.ESTABLISHED && phase != Phase.COOKIE_ECHOED)) {
            return SendResult.NOT_CONNECTED;
        }
        if (streamId >= (beforeQueue ? config.outboundStreams() : outboundStreams)) {
            return SendResult.INVALID_STREAM;
        }
        int length = message.readableBytes();
        if (length == 0) {
            return SendResult.EMPTY;
        }
        if (length > config.maxMessageSize()) {
            return SendResult.TOO_LARGE;
        }
        boolean bufferFull = config.stack() == SctpConfig.Stack.MEDIASOUP_3_32
                ? queuedAmount() >= config.sendBufferSize()
                : bufferedAmount() + length > config.sendBufferSize();
        if (bufferFull || streamQueuedAmount(streamId) >= config.perStreamSendQueueLimit()) {
            return SendResult.BUFFER_FULL;
        }
        ByteBuf copy = allocator.directBuffer(length);
        copy.writeBytes(message, message.readerIndex(), length);
        SendQueue.Message queued = new SendQueue.Message(streamId, ppid, options, copy, nowMs);
        if (beforeQueue) {
            early.add(queued);
            earlyBytes += length;
        } else {
            sendQueue.add(queued);
        }
        reportBufferedAmount();
        sendData(nowMs);
        flush();
        return SendResult.QUEUED;
    }

    /**
     * Resets streams (RFC 6525): outgoing ones of ours (the next message on them has SSN 0) or,
     * with {@code incoming}, asks the peer to reset its own. Ignored when the peer does not
     * support RE-CONFIG, as usrsctp does.
     */
    public void resetStreams(int[] streamIds, boolean incoming, long nowMs) {
        if (!peerReconfig || phase != Phase.ESTABLISHED) {
            return;
        }
        int[] request = new int[streamIds.length + 1];
        request[0] = incoming ? 1 : 0;
        System.arraycopy(streamIds, 0, request, 1, streamIds.length);
        resetsToRequest.add(request);
        requestNextReset(nowMs);
        flush();
    }

    /** Graceful close (RFC 9260 §9.2): SHUTDOWN once everything sent is acknowledged. */
    public void shutdown(long nowMs) {
        if (phase != Phase.ESTABLISHED) {
            return;
        }
        phase = Phase.SHUTDOWN_PENDING;
        shutdownProgress(nowMs);
        flush();
    }

    /** Sends ABORT and ends the association ("closed"). */
    public void abort() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (peerTag != 0) {
            ByteBuf packet = room(8);
            Chunks.writeAbort(packet, false, Chunks.CAUSE_USER_INITIATED_ABORT);
            flush();
        }
        end(SctpState.CLOSED);
    }

    /** Releases everything without a word to the peer or the listener, as the C++ worker's destructor. */
    public void close() {
        phase = Phase.ENDED;
        releaseBuffers();
    }

    /** An SCTP packet from the peer, lent for the call. Malformed ones are dropped and counted. */
    public void receivePacket(ByteBuf packet, long nowMs) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (packet.readableBytes() < SctpPacket.HEADER_SIZE || !checksumAccepted(packet) || !wellFormedChunks(packet)) {
            malformedPackets++;
            return;
        }
        long tag = SctpPacket.verificationTag(packet);
        reader.reset(packet);
        boolean first = true;
        while (reader.next() && phase != Phase.ENDED) {
            int type = reader.type();
            if (!tagAccepted(type, tag, first)) {
                break;
            }
            first = false;
            if (!handleChunk(type, tag, nowMs)) {
                break;
            }
        }
        if (phase == Phase.ENDED) {
            dropOutput();
            return;
        }
        if (sackDue) {
            sendSack();
        }
        sendData(nowMs);
        shutdownProgress(nowMs);
        flush();
    }

    /** Runs the timers that are due. */
    public void handleTimeout(long nowMs) {
        if (phase == Phase.ENDED) {
            return;
        }
        if ((phase == Phase.COOKIE_WAIT || phase == Phase.COOKIE_ECHOED) && nowMs >= t1) {
            if (++initRetransmits > MAX_INIT_RETRANSMITS) {
                end(SctpState.FAILED);
                return;
            }
            rto.backOff();
            if (phase == Phase.COOKIE_WAIT) {
                sendInit();
            } else {
                sendCookieEcho();
            }
            t1 = nowMs + rto.value();
        }
        if ((phase == Phase.SHUTDOWN_SENT || phase == Phase.SHUTDOWN_ACK_SENT) && nowMs >= t2) {
            if (!countError()) {
                return;
            }
            rto.backOff();
            sendShutdownChunk();
            t2 = nowMs + rto.value();
        }
        if (nowMs >= t3) {
            onT3Expired(nowMs);
            if (phase == Phase.ENDED) {
                return;
            }
        }
        if (nowMs >= heartbeatAt) {
            if (heartbeatOutstanding && !countError()) {
                return;
            }
            heartbeatOutstanding = true;
            Chunks.writeHeartbeatRequest(room(16), nowMs);
            heartbeatAt = nowMs + rto.value() + HEARTBEAT_INTERVAL_MS;
        }
        if (nowMs >= reconfigAt) {
            if (!countError()) {
                return;
            }
            rto.backOff();
            sendResetRequest(nowMs);
        }
        flush();
    }

    private void onT3Expired(long nowMs) {
        if (sendQueue.oldestUnacked() == null) {
            t3 = OFF;
            return;
        }
        if (!countError()) {
            return;
        }
        rto.backOff();
        sendQueue.onRetransmissionTimeout();
        sendQueue.abandonExpired(nowMs);
        sendForwardTsnIfDue();
        reportBufferedAmount();
        t3 = OFF;
        sendData(nowMs);
        if (sendQueue.oldestUnacked() != null) {
            t3 = nowMs + rto.value();
        }
    }

    /** One more unanswered retransmission; false (and the association lost) past the limit. */
    private boolean countError() {
        if (++errorCount > MAX_ASSOCIATION_RETRANSMITS) {
            end(SctpState.CLOSED);
            return false;
        }
        return true;
    }

    private boolean wellFormedChunks(ByteBuf packet) {
        ChunkReader check = reader.reset(packet);
        while (check.next()) {
            // Walk to the end: a truncated chunk anywhere spoils the packet.
        }
        return !check.malformed();
    }

    /** Verification tag rules (RFC 9260 §8.5, §8.5.1). */
    private boolean tagAccepted(int type, long tag, boolean first) {
        switch (type) {
            case ChunkType.INIT:
                return tag == 0 && first;
            case ChunkType.COOKIE_ECHO:
                return true;
            case ChunkType.ABORT:
            case ChunkType.SHUTDOWN_COMPLETE:
                return (reader.flags() & Chunks.FLAG_T) != 0 ? peerTag != 0 && tag == peerTag : tag == myTag;
            default:
                return tag == myTag && (phase != Phase.CLOSED || sendQueue != null);
        }
    }

    /** Handles one chunk; false to stop reading the packet. */
    private boolean handleChunk(int type, long tag, long nowMs) {
        switch (type) {
            case ChunkType.DATA:
                handleData();
                return true;
            case ChunkType.INIT:
                handleInit(nowMs);
                return false;
            case ChunkType.INIT_ACK:
                handleInitAck(nowMs);
                return false;
            case ChunkType.SACK:
                handleSack(nowMs);
                return true;
            case ChunkType.HEARTBEAT:
                handleHeartbeat();
                return true;
            case ChunkType.HEARTBEAT_ACK:
                handleHeartbeatAck(nowMs);
                return true;
            case ChunkType.ABORT:
                end(state == SctpState.CONNECTED ? SctpState.CLOSED : SctpState.FAILED);
                return false;
            case ChunkType.SHUTDOWN:
                handleShutdown(nowMs);
                return true;
            case ChunkType.SHUTDOWN_ACK:
                if (phase == Phase.SHUTDOWN_SENT || phase == Phase.SHUTDOWN_ACK_SENT) {
                    Chunks.writeEmpty(room(4), ChunkType.SHUTDOWN_COMPLETE, 0);
                    flush();
                    end(SctpState.CLOSED);
                }
                return false;
            case ChunkType.SHUTDOWN_COMPLETE:
                if (phase == Phase.SHUTDOWN_ACK_SENT) {
                    end(SctpState.CLOSED);
                }
                return false;
            case ChunkType.COOKIE_ECHO:
                return handleCookieEcho(tag, nowMs);
            case ChunkType.COOKIE_ACK:
                if (phase == Phase.COOKIE_ECHOED) {
                    established(nowMs);
                }
                return true;
            case ChunkType.FORWARD_TSN:
                handleForwardTsn();
                return true;
            case ChunkType.RE_CONFIG:
                handleReconfig(nowMs);
                return true;
            case ChunkType.ERROR:
                return true;
            default:
                // The two high bits of an unknown type: 00 and 01 stop, 10 and 11 skip (§3.2).
                return (type & 0x80) != 0;
        }
    }

    /**
     * A correct CRC32c, or a zero one once we offered zero checksums (RFC 9653 §5.3: from the
     * INIT on, whatever the peer offered).
     */
    private boolean checksumAccepted(ByteBuf packet) {
        return config.zeroChecksumMethod() != SctpConfig.NO_ZERO_CHECKSUM && SctpPacket.hasZeroChecksum(packet)
                || SctpPacket.hasValidChecksum(packet);
    }

    /** Zero checksums are negotiated when the peer offered the method we offer. */
    private boolean negotiatesZeroChecksum(InitChunk peer) {
        return config.zeroChecksumMethod() != SctpConfig.NO_ZERO_CHECKSUM
                && peer.zeroChecksumMethod() == config.zeroChecksumMethod();
    }

    private void handleInit(long nowMs) {
        InitChunk init = InitChunk.parse(reader);
        if (init == null || phase == Phase.SHUTDOWN_ACK_SENT) {
            return;
        }
        // Our tag and TSN never change, so a collision (§5.2.1) or a repeated INIT gets the same answer.
        int os = Math.min(config.outboundStreams(), init.inboundStreams());
        int mis = Math.min(config.inboundStreams(), init.outboundStreams());
        boolean initZeroChecksum = negotiatesZeroChecksum(init);
        StateCookie cookie = new StateCookie(myTag, init.initiateTag(), myInitialTsn, init.initialTsn(), init.arwnd(),
                os, mis, init.forwardTsn(), init.reconfig(), initZeroChecksum, nowMs);
        InitChunk initAck = new InitChunk(myTag, advertisedWindow(), config.outboundStreams(), config.inboundStreams(),
                myInitialTsn, cookie.seal(cookieKey), true, true, config.zeroChecksumMethod());
        flush();
        ByteBuf packet = allocator.directBuffer(config.mtu());
        SctpPacket.writeHeader(packet, init.initiateTag());
        initAck.write(packet, ChunkType.INIT_ACK);
        // As the C++ worker: the INIT ACK already goes without a checksum when the INIT negotiated it.
        emit(packet, !initZeroChecksum);
    }

    private void handleInitAck(long nowMs) {
        if (phase != Phase.COOKIE_WAIT) {
            return;
        }
        InitChunk initAck = InitChunk.parse(reader);
        if (initAck == null || initAck.stateCookie() == null) {
            return;
        }
        createTcb(initAck.initiateTag(), initAck.initialTsn(), initAck.arwnd(),
                Math.min(config.outboundStreams(), initAck.inboundStreams()),
                Math.min(config.inboundStreams(), initAck.outboundStreams()), initAck.forwardTsn(), initAck.reconfig(),
                negotiatesZeroChecksum(initAck));
        cookieToEcho = initAck.stateCookie();
        phase = Phase.COOKIE_ECHOED;
        initRetransmits = 0;
        sendCookieEcho();
        t1 = nowMs + rto.value();
        if (config.stack() == SctpConfig.Stack.MEDIASOUP_3_32) {
            listener.onSctpStateChange(SctpState.CONNECTING);
        }
    }

    private boolean handleCookieEcho(long tag, long nowMs) {
        byte[] bytes = new byte[reader.valueLength()];
        reader.buffer().getBytes(reader.valueIndex(), bytes);
        StateCookie cookie = StateCookie.open(cookieKey, bytes);
        if (cookie == null || cookie.myTag() != tag || nowMs - cookie.createdMs() > COOKIE_LIFETIME_MS) {
            return false;
        }
        if (sendQueue == null) {
            createTcb(cookie.peerTag(), cookie.peerInitialTsn(), cookie.peerArwnd(), cookie.outboundStreams(),
                    cookie.inboundStreams(), cookie.forwardTsn(), cookie.reconfig(), cookie.zeroChecksum());
        } else if (cookie.peerTag() != peerTag) {
            // A restart or another peer: not supported, the cookie is ignored.
            return false;
        }
        Chunks.writeEmpty(room(4), ChunkType.COOKIE_ACK, 0);
        if (phase == Phase.CLOSED || phase == Phase.COOKIE_WAIT || phase == Phase.COOKIE_ECHOED) {
            established(nowMs);
        }
        return true;
    }

    private void createTcb(long peerTag, long peerInitialTsn, long peerArwnd, int os, int mis, boolean forwardTsn,
            boolean reconfig, boolean zeroChecksum) {
        this.peerTag = peerTag;
        this.zeroChecksum = zeroChecksum;
        this.outboundStreams = os;
        this.inboundStreams = mis;
        this.peerForwardTsn = forwardTsn;
        this.peerReconfig = reconfig;
        this.lastPeerArwnd = peerArwnd;
        this.sentTsns = new Tsn(myInitialTsn);
        this.received = new ReceivedTsns(peerInitialTsn);
        this.reassembly = new Reassembly(allocator, config.maxMessageSize(), listener::onSctpMessage, received::contains);
        this.sendQueue = new SendQueue(config.mtu(), os, sentTsns.unwrap(myInitialTsn), peerArwnd);
        for (SendQueue.Message message : early) {
            if (message.streamId < os) {
                sendQueue.add(message);
            } else {
                message.data.release();
            }
        }
        early.clear();
        earlyBytes = 0;
        this.expectedPeerReconfigSequence = peerInitialTsn;
        this.lastPeerReconfigResult = ReconfigChunk.RESULT_SUCCESS_PERFORMED;
    }

    private void established(long nowMs) {
        phase = Phase.ESTABLISHED;
        errorCount = 0;
        heartbeatAt = nowMs + rto.value() + HEARTBEAT_INTERVAL_MS;
        setState(SctpState.CONNECTED);
    }

    private void handleData() {
        if (received == null || !DataChunk.isWellFormed(reader)) {
            return;
        }
        sackDue = true;
        long tsn = received.unwrap(DataChunk.tsn(reader));
        int length = DataChunk.payloadLength(reader);
        if (!received.isNew(tsn) || !fitsWindow(tsn, length) || !received.receive(tsn)) {
            return;
        }
        int streamId = DataChunk.streamId(reader);
        if (streamId >= inboundStreams) {
            reassembly.skip(tsn);
            return;
        }
        reassembly.add(tsn, streamId, DataChunk.ssn(reader), DataChunk.ppid(reader), reader.flags(), reader.buffer(),
                DataChunk.payloadIndex(reader), length);
    }

    /**
     * RFC 9260 §6.2: a DATA chunk that does not fit the window we advertise is dropped (and the
     * SACK that follows says so), except the TSN the cumulative point waits for, which may
     * complete what fills the window: it has half a window more, and no more.
     */
    private boolean fitsWindow(long tsn, int length) {
        long charged = reassembly.chargedBytes() + Reassembly.cost(length);
        long window = config.receiveWindow();
        return charged <= window || (tsn == received.cumulative() + 1 && charged <= window + window / 2);
    }

    private void handleSack(long nowMs) {
        if (sendQueue == null || !SackChunk.isWellFormed(reader)) {
            return;
        }
        int count = SackChunk.gapBlocks(reader);
        if (gaps.length < 2 * count) {
            gaps = new int[2 * count];
        }
        for (int i = 0; i < count; i++) {
            gaps[2 * i] = SackChunk.gapStart(reader, i);
            gaps[2 * i + 1] = SackChunk.gapEnd(reader, i);
        }
        long before = sendQueue.cumulativeAck();
        lastPeerArwnd = SackChunk.arwnd(reader);
        long rtt = sendQueue.onSack(sentTsns.unwrap(SackChunk.cumulativeTsnAck(reader)), lastPeerArwnd, gaps, count,
                nowMs);
        afterAck(before, rtt, nowMs);
    }

    private void afterAck(long cumulativeBefore, long rtt, long nowMs) {
        if (rtt >= 0) {
            rto.measure(rtt);
        }
        if (sendQueue.cumulativeAck() > cumulativeBefore) {
            errorCount = 0;
            t3 = sendQueue.oldestUnacked() != null ? nowMs + rto.value() : OFF;
        } else if (sendQueue.oldestUnacked() == null) {
            t3 = OFF;
        }
        sendForwardTsnIfDue();
        reportBufferedAmount();
    }

    private void sendForwardTsnIfDue() {
        if (peerForwardTsn && sendQueue.advancePeerAckPoint()) {
            int count = sendQueue.skippedStreams(skippedStreams);
            ByteBuf packet = room(8 + 4 * count);
            ForwardTsnChunk.write(packet, Tsn.wrap(sendQueue.advancedPeerAckPoint()), skippedStreams, count);
        }
    }

    private void handleHeartbeat() {
        if (reader.valueLength() < 4) {
            return;
        }
        ByteBuf buffer = reader.buffer();
        int info = reader.valueIndex();
        int length = buffer.getUnsignedShort(info + 2);
        if (length < 4 || length > reader.valueLength()) {
            return;
        }
        Chunks.writeHeartbeat(room(8 + length), ChunkType.HEARTBEAT_ACK, buffer, info + 4, length - 4);
    }

    private void handleHeartbeatAck(long nowMs) {
        if (reader.valueLength() != 12 || !heartbeatOutstanding) {
            return;
        }
        long sentMs = reader.buffer().getLong(reader.valueIndex() + 4);
        if (sentMs <= nowMs) {
            rto.measure(nowMs - sentMs);
        }
        heartbeatOutstanding = false;
        errorCount = 0;
    }

    private void handleShutdown(long nowMs) {
        if (reader.valueLength() < 4 || sendQueue == null) {
            return;
        }
        long before = sendQueue.cumulativeAck();
        long rtt = sendQueue.onSack(sentTsns.unwrap(reader.buffer().getUnsignedInt(reader.valueIndex())),
                lastPeerArwnd, gaps, 0, nowMs);
        afterAck(before, rtt, nowMs);
        if (phase == Phase.ESTABLISHED || phase == Phase.SHUTDOWN_PENDING) {
            phase = Phase.SHUTDOWN_RECEIVED;
        } else if (phase == Phase.SHUTDOWN_SENT) {
            phase = Phase.SHUTDOWN_ACK_SENT;
            sendShutdownChunk();
            t2 = nowMs + rto.value();
        }
    }

    /** SHUTDOWN or SHUTDOWN ACK once nothing is left to send or acknowledge (§9.2). */
    private void shutdownProgress(long nowMs) {
        if ((phase != Phase.SHUTDOWN_PENDING && phase != Phase.SHUTDOWN_RECEIVED) || !sendQueue.isEmpty()) {
            return;
        }
        phase = phase == Phase.SHUTDOWN_PENDING ? Phase.SHUTDOWN_SENT : Phase.SHUTDOWN_ACK_SENT;
        sendShutdownChunk();
        t2 = nowMs + rto.value();
        t3 = OFF;
        heartbeatAt = OFF;
    }

    private void sendShutdownChunk() {
        if (phase == Phase.SHUTDOWN_SENT) {
            Chunks.writeShutdown(room(8), Tsn.wrap(received.cumulative()));
        } else {
            Chunks.writeEmpty(room(4), ChunkType.SHUTDOWN_ACK, 0);
        }
    }

    private void handleForwardTsn() {
        if (received == null || !ForwardTsnChunk.isWellFormed(reader)) {
            return;
        }
        long newCumulative = received.unwrap(ForwardTsnChunk.newCumulativeTsn(reader));
        int count = Math.min(ForwardTsnChunk.streams(reader), skippedStreams.length / 2);
        int[] streams = new int[2 * count];
        for (int i = 0; i < count; i++) {
            streams[2 * i] = ForwardTsnChunk.streamId(reader, i);
            streams[2 * i + 1] = ForwardTsnChunk.ssn(reader, i);
        }
        received.forward(newCumulative);
        reassembly.forward(newCumulative, streams, count);
        sackDue = true;
    }

    private void handleReconfig(long nowMs) {
        if (sendQueue == null) {
            return;
        }
        ArrayDeque<int[]> resetByPeer = new ArrayDeque<>();
        ReconfigChunk.forEachParameter(reader, (type, buffer, param, length) -> {
            switch (type) {
                case ReconfigChunk.OUTGOING_SSN_RESET_REQUEST:
                case ReconfigChunk.INCOMING_SSN_RESET_REQUEST:
                    handleResetRequest(type, buffer, param, length, resetByPeer, nowMs);
                    break;
                case ReconfigChunk.RESPONSE:
                    handleResetResponse(ReconfigChunk.requestSequence(buffer, param),
                            ReconfigChunk.responseResult(buffer, param), nowMs);
                    break;
                case ReconfigChunk.ADD_OUTGOING_STREAMS_REQUEST:
                case ReconfigChunk.ADD_INCOMING_STREAMS_REQUEST:
                    ReconfigChunk.writeResponse(room(16), ReconfigChunk.requestSequence(buffer, param),
                            ReconfigChunk.RESULT_DENIED);
                    break;
                default:
                    break;
            }
        });
        for (int[] streamIds : resetByPeer) {
            listener.onSctpIncomingStreamsReset(streamIds);
        }
    }

    private void handleResetRequest(int type, ByteBuf buffer, int param, int length, ArrayDeque<int[]> resetByPeer,
            long nowMs) {
        long sequence = ReconfigChunk.requestSequence(buffer, param);
        int result;
        if (sequence == Tsn.wrap(expectedPeerReconfigSequence - 1)) {
            result = lastPeerReconfigResult;
        } else if (sequence != Tsn.wrap(expectedPeerReconfigSequence)) {
            result = ReconfigChunk.RESULT_ERROR_BAD_SEQUENCE_NUMBER;
        } else if (type == ReconfigChunk.INCOMING_SSN_RESET_REQUEST) {
            int[] streamIds = ReconfigChunk.streamIds(buffer, param, length);
            int[] request = new int[streamIds.length + 1];
            System.arraycopy(streamIds, 0, request, 1, streamIds.length);
            resetsToRequest.add(request);
            result = ReconfigChunk.RESULT_SUCCESS_PERFORMED;
            expectedPeerReconfigSequence++;
        } else if (received.unwrap(ReconfigChunk.senderLastTsn(buffer, param)) > received.cumulative()) {
            // Data sent before the reset is still missing: the peer asks again (RFC 6525 §5.2.2).
            result = ReconfigChunk.RESULT_IN_PROGRESS;
        } else {
            int[] streamIds = ReconfigChunk.streamIds(buffer, param, length);
            for (int streamId : streamIds) {
                reassembly.resetStream(streamId);
            }
            resetByPeer.add(streamIds);
            result = ReconfigChunk.RESULT_SUCCESS_PERFORMED;
            expectedPeerReconfigSequence++;
        }
        if (result != ReconfigChunk.RESULT_IN_PROGRESS && result != ReconfigChunk.RESULT_ERROR_BAD_SEQUENCE_NUMBER) {
            lastPeerReconfigResult = result;
        }
        ReconfigChunk.writeResponse(room(16), sequence, result);
        requestNextReset(nowMs);
    }

    private void handleResetResponse(long sequence, long result, long nowMs) {
        if (pendingReset == null || sequence != Tsn.wrap(pendingResetSequence)
                || result == ReconfigChunk.RESULT_IN_PROGRESS) {
            return;
        }
        if (pendingReset[0] == 0) {
            for (int i = 1; i < pendingReset.length; i++) {
                sendQueue.resume(pendingReset[i]);
            }
        }
        pendingReset = null;
        reconfigAt = OFF;
        requestNextReset(nowMs);
        sendData(nowMs);
    }

    private void requestNextReset(long nowMs) {
        if (pendingReset != null || resetsToRequest.isEmpty()) {
            return;
        }
        pendingReset = resetsToRequest.poll();
        pendingResetSequence = nextReconfigSequence++;
        pendingResetLastTsn = sendQueue.lastAssignedTsn();
        if (pendingReset[0] == 0) {
            for (int i = 1; i < pendingReset.length; i++) {
                sendQueue.pauseAndReset(pendingReset[i]);
            }
        }
        sendResetRequest(nowMs);
    }

    private void sendResetRequest(long nowMs) {
        if (pendingReset == null) {
            reconfigAt = OFF;
            return;
        }
        int[] streamIds = Arrays.copyOfRange(pendingReset, 1, pendingReset.length);
        ByteBuf packet = room(24 + 2 * streamIds.length);
        if (pendingReset[0] == 0) {
            ReconfigChunk.writeOutgoingResetRequest(packet, Tsn.wrap(pendingResetSequence),
                    Tsn.wrap(expectedPeerReconfigSequence - 1), Tsn.wrap(pendingResetLastTsn), streamIds);
        } else {
            ReconfigChunk.writeIncomingResetRequest(packet, Tsn.wrap(pendingResetSequence), streamIds);
        }
        reconfigAt = nowMs + rto.value();
    }

    private void sendInit() {
        InitChunk init = new InitChunk(myTag, advertisedWindow(), config.outboundStreams(), config.inboundStreams(),
                myInitialTsn, null, true, true, config.zeroChecksumMethod());
        ByteBuf packet = allocator.directBuffer(config.mtu());
        SctpPacket.writeHeader(packet, 0);
        init.write(packet, ChunkType.INIT);
        emit(packet, true);
    }

    private void sendCookieEcho() {
        Chunks.writeOpaque(room(4 + cookieToEcho.length + 3), ChunkType.COOKIE_ECHO, cookieToEcho);
        outNeedsChecksum = true;
        flush();
    }

    private void sendSack() {
        received.writeSack(room(ReceivedTsns.maxSackSize()), advertisedWindow());
        sackDue = false;
    }

    /** New and retransmitted DATA, as the windows allow, bundled up to the MTU. */
    private void sendData(long nowMs) {
        if (sendQueue == null || !(phase == Phase.ESTABLISHED || phase == Phase.SHUTDOWN_PENDING
                || phase == Phase.SHUTDOWN_RECEIVED)) {
            return;
        }
        if (sackDue) {
            sendSack();
        }
        for (SendQueue.Chunk chunk : sendQueue.chunksToSend(nowMs)) {
            SendQueue.Message message = chunk.message;
            DataChunk.write(room(DataChunk.sizeOf(chunk.size())), chunk.flags, Tsn.wrap(chunk.tsn), message.streamId,
                    message.unordered ? 0 : message.ssn, message.ppid, chunk.payload);
            if (t3 == OFF) {
                t3 = nowMs + rto.value();
            }
        }
        reportBufferedAmount();
    }

    private long advertisedWindow() {
        long buffered = reassembly != null ? reassembly.chargedBytes() : 0;
        return Math.max(0, config.receiveWindow() - buffered);
    }

    /** Tells the listener when the bytes unacknowledged, or those not yet sent, changed. */
    private void reportBufferedAmount() {
        long amount = bufferedAmount();
        long queued = sendQueue != null ? sendQueue.queuedAmount() : earlyBytes;
        if (amount != lastBufferedAmount || queued != lastQueuedAmount) {
            lastBufferedAmount = amount;
            lastQueuedAmount = queued;
            listener.onSctpBufferedAmount(amount);
        }
    }

    private void setState(SctpState next) {
        if (state != next) {
            state = next;
            listener.onSctpStateChange(next);
        }
    }

    private void end(SctpState finalState) {
        flush();
        phase = Phase.ENDED;
        releaseBuffers();
        setState(finalState);
    }

    private void releaseBuffers() {
        dropOutput();
        if (sendQueue != null) {
            sendQueue.release();
        }
        early.forEach(message -> message.data.release());
        early.clear();
        earlyBytes = 0;
        if (reassembly != null) {
            reassembly.release();
        }
        t3 = OFF;
        heartbeatAt = OFF;
        reconfigAt = OFF;
    }

    /** The packet being filled, with room for {@code size} more bytes (a new one if not). */
    private ByteBuf room(int size) {
        if (out != null && config.mtu() - out.readableBytes() < size) {
            flush();
        }
        if (out == null) {
            out = allocator.directBuffer(Math.max(config.mtu(), SctpPacket.HEADER_SIZE + size));
            SctpPacket.writeHeader(out, peerTag);
        }
        return out;
    }

    private void flush() {
        if (out != null) {
            ByteBuf packet = out;
            boolean withChecksum = !zeroChecksum || outNeedsChecksum;
            out = null;
            outNeedsChecksum = false;
            emit(packet, withChecksum);
        }
    }

    /** Sends {@code packet} with its CRC32c, or with a zero checksum field (RFC 9653). */
    private void emit(ByteBuf packet, boolean withChecksum) {
        if (withChecksum) {
            SctpPacket.finish(packet);
        }
        try {
            listener.onSctpPacket(packet);
        } finally {
            packet.release();
        }
    }

    private void dropOutput() {
        if (out != null) {
            out.release();
            out = null;
        }
        outNeedsChecksum = false;
    }
}
