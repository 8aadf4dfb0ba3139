package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two of our associations against each other through a scripted network with a fake clock. */
class SctpAssociationTest {
    private SctpPair pair;

    @AfterEach
    void close() {
        if (pair != null) {
            pair.close();
        }
    }

    private SctpPair connected(boolean bothConnect) {
        pair = new SctpPair(SctpPair.config());
        pair.a.association.connect(pair.now);
        if (bothConnect) {
            pair.b.association.connect(pair.now);
        }
        pair.run(5_000);
        assertEquals(SctpState.CONNECTED, pair.a.association.state());
        assertEquals(SctpState.CONNECTED, pair.b.association.state());
        return pair;
    }

    private static ByteBuf text(String value) {
        return Unpooled.wrappedBuffer(value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String big(int size, char fill) {
        return String.valueOf(fill).repeat(size);
    }

    @Test
    void handshakeFromOneSide() {
        connected(false);
        assertEquals(List.of(SctpState.CONNECTING, SctpState.CONNECTED), pair.a.states);
        assertEquals(List.of(SctpState.CONNECTED), pair.b.states);
        assertEquals(16, pair.a.association.outboundStreams());
        assertTrue(pair.a.association.reconfigSupported());
    }

    @Test
    void handshakeWhenBothSidesConnectAtOnce() {
        connected(true);
        assertEquals(List.of(SctpState.CONNECTING, SctpState.CONNECTED), pair.b.states);
    }

    @Test
    void handshakeSurvivesLostInitAndCookie() {
        pair = new SctpPair(SctpPair.config());
        pair.lose = (side, n) -> n < 3;
        pair.a.association.connect(pair.now);
        pair.run(20_000);
        assertEquals(SctpState.CONNECTED, pair.a.association.state());
        assertEquals(SctpState.CONNECTED, pair.b.association.state());
    }

    @Test
    void handshakeFailsWithoutPeer() {
        pair = new SctpPair(SctpPair.config());
        pair.lose = (side, n) -> true;
        pair.a.association.connect(pair.now);
        pair.run(600_000);
        assertEquals(SctpState.FAILED, pair.a.association.state());
    }

    private static SctpConfig zeroChecksumConfig(long method) {
        return new SctpConfig(16, 16, 262_144, 262_144, SctpConfig.DEFAULT_MTU, method, 0, SctpConfig.NO_STREAM_LIMIT,
                SctpConfig.Stack.USRSCTP);
    }

    /** The checksum field of a packet a side sent (0 for an RFC 9653 zero checksum), and its first chunk type. */
    private static long checksumField(byte[] packet) {
        return ByteBuffer.wrap(packet, 8, 4).getInt() & 0xFFFFFFFFL;
    }

    /**
     * RFC 9653 as 3.32.2's association: both sides offering the same method negotiate it, and
     * then send without a checksum, except the INIT and the COOKIE ECHO; both still deliver.
     */
    @ParameterizedTest(name = "a offers {0}, b offers {1}")
    @MethodSource("zeroChecksumOffers")
    void negotiatesZeroChecksumsWhenBothOfferTheSameMethod(long aMethod, long bMethod, boolean negotiated) {
        pair = new SctpPair(zeroChecksumConfig(aMethod), zeroChecksumConfig(bMethod));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        assertEquals(SctpState.CONNECTED, pair.a.association.state());
        assertEquals(negotiated, pair.a.association.zeroChecksumNegotiated());
        assertEquals(negotiated, pair.b.association.zeroChecksumNegotiated());
        pair.a.association.send(1, 51, text("to b"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.b.association.send(1, 51, text("to a"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(5_000);
        assertEquals(List.of("to b"), pair.b.messages);
        assertEquals(List.of("to a"), pair.a.messages);
        // a sent INIT, COOKIE ECHO, then DATA...; b sent INIT ACK, COOKIE ACK, then SACK, DATA...
        List<Boolean> aZero = pair.a.sent.stream().map(packet -> checksumField(packet) == 0).toList();
        List<Boolean> bZero = pair.b.sent.stream().map(packet -> checksumField(packet) == 0).toList();
        assertEquals(false, aZero.get(0));
        assertEquals(false, aZero.get(1));
        assertTrue(aZero.subList(2, aZero.size()).stream().allMatch(zero -> zero == negotiated), aZero.toString());
        assertTrue(bZero.stream().allMatch(zero -> zero == negotiated), bZero.toString());
    }

    static Stream<Arguments> zeroChecksumOffers() {
        long dtls = SctpConfig.ZERO_CHECKSUM_SCTP_OVER_DTLS;
        long trusted = SctpConfig.ZERO_CHECKSUM_TRUSTED_NETWORK;
        long none = SctpConfig.NO_ZERO_CHECKSUM;
        return Stream.of(Arguments.of(dtls, dtls, true), Arguments.of(trusted, trusted, true),
                Arguments.of(dtls, trusted, false), Arguments.of(dtls, none, false), Arguments.of(none, dtls, false),
                Arguments.of(none, none, false));
    }

    /** Only a side that offered zero checksums takes a packet with a zero checksum field. */
    @Test
    void aZeroChecksumIsTakenOnlyAfterOfferingIt() {
        pair = new SctpPair(zeroChecksumConfig(SctpConfig.ZERO_CHECKSUM_SCTP_OVER_DTLS),
                zeroChecksumConfig(SctpConfig.NO_ZERO_CHECKSUM));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        pair.a.association.send(1, 51, text("to b"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.b.association.send(1, 51, text("to a"), SendOptions.RELIABLE_ORDERED, pair.now);
        byte[] toB = pair.a.packets.remove(0);
        byte[] toA = pair.b.packets.remove(0);
        java.util.Arrays.fill(toB, 8, 12, (byte) 0);
        java.util.Arrays.fill(toA, 8, 12, (byte) 0);
        pair.b.association.receivePacket(Unpooled.wrappedBuffer(toB), pair.now);
        pair.a.association.receivePacket(Unpooled.wrappedBuffer(toA), pair.now);
        assertEquals(List.of(), pair.b.messages);
        assertEquals(List.of("to a"), pair.a.messages);
    }

    @Test
    void negotiatesTheFewerStreams() {
        pair = new SctpPair(SctpPair.config());
        pair.b.association.close();
        pair.b.association = new SctpAssociation(new SctpConfig(4, 8, 262_144, 262_144, 1200), pair.b,
                io.netty.buffer.PooledByteBufAllocator.DEFAULT, new java.util.Random(3));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        assertEquals(8, pair.a.association.outboundStreams());
        assertEquals(4, pair.a.association.inboundStreams());
        assertEquals(4, pair.b.association.outboundStreams());
        assertEquals(SendResult.INVALID_STREAM, pair.a.association.send(8, 51, text("x"), SendOptions.RELIABLE_ORDERED,
                pair.now));
    }

    /**
     * Messages given before the handshake (before connect(), and while the peer's answer is on
     * its way, on either side) wait for it and then go out in order, counted meanwhile as not
     * yet sent; those on streams the peer does not take are dropped then.
     */
    @Test
    void messagesGivenBeforeTheHandshakeGoOutOnceItIsDone() {
        pair = new SctpPair(SctpPair.config());
        pair.b.association.close();
        pair.b.association = new SctpAssociation(new SctpConfig(16, 8, 262_144, 262_144, 1200), pair.b,
                io.netty.buffer.PooledByteBufAllocator.DEFAULT, new java.util.Random(3));
        SctpAssociation a = pair.a.association;
        assertEquals(SendResult.QUEUED, a.send(1, 51, text("before connect"), SendOptions.RELIABLE_ORDERED, pair.now));
        assertEquals(SendResult.QUEUED, a.send(12, 51, text("beyond the peer's streams"), SendOptions.RELIABLE_ORDERED,
                pair.now));
        a.connect(pair.now);
        assertEquals(SendResult.QUEUED, a.send(1, 51, text("while connecting"), SendOptions.RELIABLE_ORDERED, pair.now));
        assertEquals(SendResult.INVALID_STREAM, a.send(16, 51, text("x"), SendOptions.RELIABLE_ORDERED, pair.now));
        assertEquals(30, a.streamQueuedAmount(1));
        assertEquals(55, a.bufferedAmount());
        pair.run(5_000);
        assertEquals(SctpState.CONNECTED, a.state());
        assertEquals(List.of("before connect", "while connecting"), pair.b.messages);
        assertEquals(0, a.streamQueuedAmount(1));
        assertEquals(0, a.bufferedAmount());
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("clean", 0, false, false),
                Arguments.of("every 5th packet lost", 5, false, false),
                Arguments.of("every 3rd packet lost", 3, false, false),
                Arguments.of("reordered", 0, true, false),
                Arguments.of("duplicated", 0, false, true),
                Arguments.of("lost, reordered and duplicated", 4, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void orderedMessagesLargeAndSmallArriveInOrder(String name, int loseEvery, boolean reorder, boolean duplicate) {
        connected(false);
        pair.lose = (side, n) -> loseEvery > 0 && n % loseEvery == 0;
        pair.reorder = reorder;
        pair.duplicate = duplicate;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String message = i % 7 == 3 ? big(5_000 + i, (char) ('a' + i % 26)) : "message " + i;
            sent.add(message);
            assertEquals(SendResult.QUEUED, pair.a.association.send(1, i % 2 == 0 ? 51 : 53, text(message),
                    SendOptions.RELIABLE_ORDERED, pair.now));
        }
        pair.run(300_000);
        assertEquals(sent, pair.b.messages);
        assertEquals(51L, pair.b.ppids.get(0));
        assertEquals(53L, pair.b.ppids.get(1));
        assertEquals(0, pair.a.association.bufferedAmount());
        assertEquals(0, pair.a.bufferedAmount);
    }

    @Test
    void aMessageOfTheMaximumSizeIsFragmentedAndReassembled() {
        connected(false);
        String message = big(262_144, 'z');
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(message), SendOptions.RELIABLE_ORDERED,
                pair.now));
        assertEquals(262_144, pair.a.association.bufferedAmount());
        pair.run(60_000);
        assertEquals(List.of(message), pair.b.messages);
        assertEquals(SendResult.TOO_LARGE, pair.a.association.send(0, 53, text(message + "!"),
                SendOptions.RELIABLE_ORDERED, pair.now));
    }

    @Test
    void aMessageLargerThanOurMaxMessageSizeIsDroppedOnReceipt() {
        pair = new SctpPair(SctpPair.config());
        pair.b.association.close();
        pair.b.association = new SctpAssociation(new SctpConfig(16, 16, 4_000, 262_144, 1200), pair.b,
                io.netty.buffer.PooledByteBufAllocator.DEFAULT, new java.util.Random(3));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        pair.a.association.send(0, 53, text(big(5_000, 'x')), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.send(0, 53, text(big(4_000, 'y')), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(5_000);
        assertEquals(List.of(big(4_000, 'y')), pair.b.messages);
        assertEquals(1, pair.b.association.oversizedMessages());
    }

    @Test
    void eachStreamCountsItsBytesNotYetSentAndTheAssociationThoseNotYetAcknowledged() {
        connected(false);
        // The first congestion window (4380 bytes) takes part of the first message at once.
        pair.a.association.send(1, 53, text(big(10_000, 'a')), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.send(2, 53, text(big(500, 'b')), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.send(2, 53, text(big(700, 'c')), SendOptions.RELIABLE_ORDERED, pair.now);
        long queued = pair.a.association.streamQueuedAmount(1);
        assertTrue(queued > 0 && queued < 10_000, "sent in part: " + queued);
        assertEquals(1_200, pair.a.association.streamQueuedAmount(2));
        assertEquals(0, pair.a.association.streamQueuedAmount(3));
        assertEquals(11_200, pair.a.association.bufferedAmount());
        pair.run(10_000);
        assertEquals(0, pair.a.association.streamQueuedAmount(1));
        assertEquals(0, pair.a.association.streamQueuedAmount(2));
        assertEquals(0, pair.a.association.bufferedAmount());
    }

    @Test
    void aSmallMessageLeavesItsStreamAtOnce() {
        connected(false);
        pair.a.association.send(4, 51, text("foo"), SendOptions.RELIABLE_ORDERED, pair.now);
        assertEquals(0, pair.a.association.streamQueuedAmount(4));
        assertEquals(3, pair.a.association.bufferedAmount());
        assertEquals(3, pair.a.bufferedAmount);
    }

    @Test
    void theSendBufferSizeIsEnforced() {
        pair = new SctpPair(new SctpConfig(16, 16, 100_000, 150_000, 1200));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(big(100_000, 'a')),
                SendOptions.RELIABLE_ORDERED, pair.now));
        assertEquals(SendResult.BUFFER_FULL, pair.a.association.send(0, 53, text(big(60_000, 'b')),
                SendOptions.RELIABLE_ORDERED, pair.now));
        pair.run(30_000);
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(big(60_000, 'b')),
                SendOptions.RELIABLE_ORDERED, pair.now));
    }

    /**
     * 3.32's rule: a message is taken while the bytes not yet sent are under the size, however
     * many wait for acknowledgement, and refused once they reach it.
     */
    @Test
    void underThe332RuleTheSendBufferBoundsTheBytesNotYetSent() {
        pair = new SctpPair(new SctpConfig(16, 16, 100_000, 150_000, 1200, SctpConfig.NO_ZERO_CHECKSUM, 0,
                SctpConfig.NO_STREAM_LIMIT, SctpConfig.Stack.MEDIASOUP_3_32));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(big(100_000, 'a')),
                SendOptions.RELIABLE_ORDERED, pair.now));
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(big(60_000, 'b')),
                SendOptions.RELIABLE_ORDERED, pair.now), "at most 100,000 bytes not yet sent: under the size");
        assertEquals(SendResult.BUFFER_FULL, pair.a.association.send(0, 53, text(big(10, 'c')),
                SendOptions.RELIABLE_ORDERED, pair.now), "the first cwnd of 160,000 bytes sent: the rest reaches it");
        pair.run(30_000);
        assertEquals(SendResult.QUEUED, pair.a.association.send(0, 53, text(big(60_000, 'c')),
                SendOptions.RELIABLE_ORDERED, pair.now));
    }

    /**
     * 3.32's sctpPerStreamSendQueueLimit: a message is refused once its stream holds the limit
     * in bytes not yet sent, whatever the other streams hold, and taken again once they went out.
     */
    @Test
    void thePerStreamSendQueueLimitIsEnforcedPerStream() {
        pair = new SctpPair(new SctpConfig(16, 16, 100_000, 1_000_000, 1200, SctpConfig.NO_ZERO_CHECKSUM, 0, 10_000,
                SctpConfig.Stack.MEDIASOUP_3_32));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        SendOptions reliable = SendOptions.RELIABLE_ORDERED;
        // The first message fills the congestion window; the rest of it waits in stream 1's queue.
        assertEquals(SendResult.QUEUED, pair.a.association.send(1, 53, text(big(20_000, 'a')), reliable, pair.now));
        assertTrue(pair.a.association.streamQueuedAmount(1) >= 10_000);
        assertEquals(SendResult.BUFFER_FULL, pair.a.association.send(1, 53, text("b"), reliable, pair.now));
        assertEquals(SendResult.QUEUED, pair.a.association.send(2, 53, text("c"), reliable, pair.now));
        pair.run(30_000);
        assertEquals(0, pair.a.association.streamQueuedAmount(1));
        assertEquals(SendResult.QUEUED, pair.a.association.send(1, 53, text("d"), reliable, pair.now));
        pair.run(5_000);
        assertEquals(3, pair.b.messages.size());
        assertTrue(pair.b.messages.contains("c"));
        assertEquals("d", pair.b.messages.get(2));
    }

    @Test
    void unorderedMessagesAreDeliveredWithoutWaitingForEarlierOnes() {
        connected(false);
        // The first packet of a's data is lost: the later unordered messages arrive before its retransmission.
        int[] dataPackets = {0};
        pair.lose = (side, n) -> side == pair.a && dataPackets[0]++ == 0;
        SendOptions unordered = new SendOptions(true, -1, -1);
        for (int i = 0; i < 3; i++) {
            pair.a.association.send(2, 51, text("u" + i), unordered, pair.now);
            pair.run(20);
        }
        pair.run(10_000);
        assertEquals(List.of("u1", "u2", "u0"), pair.b.messages);
    }

    @Test
    void expiredPartiallyReliableMessagesAreSkippedWithForwardTsn() {
        connected(false);
        boolean[] dropping = {true};
        pair.lose = (side, n) -> side == pair.a && dropping[0];
        SendOptions lifetime = new SendOptions(true, 100, -1);
        pair.a.association.send(3, 51, text("lost"), lifetime, pair.now);
        pair.run(50);
        dropping[0] = false;
        pair.a.association.send(3, 51, text("kept"), lifetime, pair.now);
        pair.run(10_000);
        assertEquals(List.of("kept"), pair.b.messages);
        assertEquals(0, pair.a.association.bufferedAmount());
    }

    @Test
    void messagesPastTheirRetransmissionLimitAreSkipped() {
        connected(false);
        boolean[] dropping = {true};
        pair.lose = (side, n) -> side == pair.a && dropping[0];
        pair.a.association.send(3, 53, text("never"), new SendOptions(true, -1, 0), pair.now);
        pair.run(50);
        dropping[0] = false;
        pair.a.association.send(3, 53, text("after"), new SendOptions(true, -1, 0), pair.now);
        pair.run(10_000);
        assertEquals(List.of("after"), pair.b.messages);
    }

    @Test
    void orderedPartiallyReliableStreamMovesPastTheSkippedSsn() {
        connected(false);
        boolean[] dropping = {true};
        pair.lose = (side, n) -> side == pair.a && dropping[0];
        SendOptions ordered = new SendOptions(false, 100, -1);
        pair.a.association.send(4, 51, text("first"), ordered, pair.now);
        pair.run(50);
        dropping[0] = false;
        pair.a.association.send(4, 51, text("second"), ordered, pair.now);
        pair.run(10_000);
        assertEquals(List.of("second"), pair.b.messages);
    }

    @Test
    void anOutgoingStreamResetStartsTheStreamOverAtSsnZero() {
        connected(false);
        pair.a.association.send(5, 51, text("before"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(1_000);
        pair.a.association.resetStreams(new int[] {5}, false, pair.now);
        pair.run(1_000);
        assertEquals(1, pair.b.resets.size());
        assertArrayEquals(new int[] {5}, pair.b.resets.get(0));
        pair.a.association.send(5, 51, text("after"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(1_000);
        assertEquals(List.of("before", "after"), pair.b.messages);
    }

    @Test
    void messagesSentRightAfterAResetWaitForItAndArrive() {
        connected(false);
        pair.a.association.send(5, 51, text("one"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.send(5, 51, text("two"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.resetStreams(new int[] {5}, false, pair.now);
        pair.a.association.send(5, 51, text("three"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.send(6, 51, text("other stream"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(5_000);
        assertEquals(List.of("one", "two", "other stream", "three"), pair.b.messages);
    }

    @Test
    void anOrderedMessageThatExpiresUnsentLeavesNoHoleInItsStream() {
        pair = new SctpPair(new SctpConfig(16, 16, 262_144, 262_144, 1200));
        pair.a.association.connect(pair.now);
        pair.run(5_000);
        // A full window holds the second message back until its lifetime is over.
        pair.lose = (side, n) -> side == pair.a;
        SendOptions ordered = new SendOptions(false, 50, -1);
        pair.a.association.send(7, 53, text(big(100_000, 'w')), new SendOptions(false, 50, -1), pair.now);
        pair.a.association.send(7, 53, text("expires unsent"), ordered, pair.now);
        pair.run(200);
        pair.lose = (side, n) -> false;
        pair.a.association.send(7, 53, text("arrives"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.run(10_000);
        assertEquals(List.of("arrives"), pair.b.messages);
    }

    @Test
    void anIncomingStreamResetMakesThePeerResetItsOutgoingStream() {
        connected(false);
        pair.a.association.resetStreams(new int[] {6}, true, pair.now);
        pair.run(1_000);
        assertEquals(1, pair.a.resets.size());
        assertArrayEquals(new int[] {6}, pair.a.resets.get(0));
    }

    @Test
    void shutdownClosesBothSidesAfterPendingDataIsDelivered() {
        connected(false);
        pair.a.association.send(0, 51, text("last words"), SendOptions.RELIABLE_ORDERED, pair.now);
        pair.a.association.shutdown(pair.now);
        pair.run(5_000);
        assertEquals(List.of("last words"), pair.b.messages);
        assertEquals(SctpState.CLOSED, pair.a.association.state());
        assertEquals(SctpState.CLOSED, pair.b.association.state());
    }

    @Test
    void abortClosesThePeer() {
        connected(false);
        pair.a.association.abort();
        pair.run(1_000);
        assertEquals(SctpState.CLOSED, pair.b.association.state());
    }

    @Test
    void aSilentPeerIsDetectedByHeartbeats() {
        connected(false);
        pair.lose = (side, n) -> true;
        pair.run(3_600_000);
        assertEquals(SctpState.CLOSED, pair.a.association.state());
    }
}
