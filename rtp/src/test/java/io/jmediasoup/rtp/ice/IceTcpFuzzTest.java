package io.jmediasoup.rtp.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jmediasoup.rtp.stun.StunPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * What an ICE-TCP peer can make the agent do, without sockets: its byte stream cut into RFC
 * 4571 frames, STUN ones parsed and handed to an {@link IceServer} as the worker does, each
 * frame on one of a few tuples (as if from several connections). Beyond not throwing, the
 * cost is bounded: at most one response per frame, at most 4 bytes sent back per byte
 * received (a 22-byte framed header asks for a 76-byte answer at most), and never more than
 * {@link IceServer#MAX_TUPLES} valid tuples.
 *
 * <p>An input is a byte n (tuples: n modulo 16, plus one), then the stream. The committed
 * inputs carry Binding requests signed with {@link #PASSWORD}, which mutation keeps valid
 * only by chance; they replay authenticated peers on many tuples.
 */
class IceTcpFuzzTest {
    static final String UFRAG = "fuzzufrag";
    static final String PASSWORD = "fuzzpassword0123456789ab";
    private static final int MAX_FRAME_LENGTH = 65536 - 2;

    record PeerTuple(int id, InetSocketAddress remoteAddress) implements IceServer.Tuple {}

    private long responses;
    private long responseBytes;
    private IceServer<PeerTuple> server;

    @FuzzTest(maxDuration = "5s")
    void stream(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int tupleCount = (input[0] & 0x0F) + 1;
        PeerTuple[] tuples = new PeerTuple[tupleCount];
        for (int i = 0; i < tupleCount; i++) {
            tuples[i] = new PeerTuple(i, new InetSocketAddress("198.51.100.1", 40_000 + i));
        }
        responses = 0;
        responseBytes = 0;
        server = new IceServer<>(new IceServer.Listener<>() {
            @Override
            public void onIceServerSendStunPacket(ByteBuf packet, PeerTuple tuple) {
                responses++;
                responseBytes += 2 + packet.readableBytes();
            }

            @Override
            public void onIceServerSelectedTuple(PeerTuple tuple) {}

            @Override
            public void onIceServerTupleAdded(PeerTuple tuple) {}

            @Override
            public void onIceServerTupleRemoved(PeerTuple tuple) {}

            @Override
            public void onIceServerStateChange(IceState state) {}

            @Override
            public void onIceServerWarning(String text) {}
        }, PooledByteBufAllocator.DEFAULT, UFRAG, PASSWORD);
        StunPacket stunPacket = new StunPacket();
        Rfc4571Decoder decoder = new Rfc4571Decoder(PooledByteBufAllocator.DEFAULT, MAX_FRAME_LENGTH);
        long[] frames = new long[1];
        Rfc4571Decoder.Listener listener = frame -> {
            PeerTuple tuple = tuples[(int) (frames[0]++ % tupleCount)];
            if (StunPacket.isStun(frame) && stunPacket.parse(frame)) {
                server.processStunPacket(stunPacket, tuple);
            }
            assertTrue(server.tuples().size() <= IceServer.MAX_TUPLES, server.tuples().size() + " tuples");
        };
        int streamLength = input.length - 1;
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer(streamLength, streamLength);
        try {
            chunk.writeBytes(input, 1, streamLength);
            decoder.feed(chunk, listener);
        } finally {
            chunk.release();
            decoder.release();
        }
        assertTrue(responses <= frames[0], responses + " responses to " + frames[0] + " frames");
        assertTrue(responseBytes <= 4L * streamLength, responseBytes + " bytes answered to " + streamLength);
    }

    /** The signed input really authenticates: its 16 tuples fill the agent's eight places. */
    @Test
    void theSignedInputAuthenticatesOnEveryTuple() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("IceTcpFuzzTestInputs/stream/signed-requests-on-sixteen-tuples")) {
            stream(in.readAllBytes());
        }
        assertEquals(IceState.COMPLETED, server.state());
        assertEquals(IceServer.MAX_TUPLES, server.tuples().size());
        assertEquals(40, responses);
    }
}
