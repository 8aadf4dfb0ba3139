package io.jmediasoup.rtp.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.stun.StunPacket;
import io.jmediasoup.rtp.stun.StunVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IceServer's transitions, table-driven: each row is a script of steps and the events
 * they must produce, in order ("A 200" a success response on tuple A, "A 401" an error
 * response, "selected A", "state completed").
 */
class IceServerTest {
    private static final String UFRAG = "localufrag";
    private static final String PASSWORD = "localpassword0123456789";
    private static final String NEW_UFRAG = "newufrag";
    private static final String NEW_PASSWORD = "newpassword0123456789";

    record FakeTuple(String name, InetSocketAddress remoteAddress) implements IceServer.Tuple {}

    private final List<String> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** The tuples that became valid, in order. */
    private final List<String> added = new ArrayList<>();
    /** The password each success response was signed with. */
    private final List<String> signedWith = new ArrayList<>();
    /** The clock of the consent timeout. */
    private long nowMs;
    private final IceServer.Listener<FakeTuple> listener = new IceServer.Listener<>() {
        @Override
        public void onIceServerSendStunPacket(ByteBuf packet, FakeTuple tuple) {
            StunPacket response = new StunPacket();
            assertTrue(response.parse(packet), "a well-formed response");
            if (response.messageClass() == StunPacket.MessageClass.SUCCESS_RESPONSE) {
                assertEquals(tuple.remoteAddress(), response.xorMappedAddress());
                signedWith.add(signer(ByteBufUtil.getBytes(packet)));
                events.add(tuple.name() + " 200");
            } else {
                events.add(tuple.name() + " " + response.errorCode());
            }
        }

        @Override
        public void onIceServerSelectedTuple(FakeTuple tuple) {
            events.add("selected " + tuple.name());
        }

        @Override
        public void onIceServerTupleAdded(FakeTuple tuple) {
            added.add(tuple.name());
        }

        @Override
        public void onIceServerTupleRemoved(FakeTuple tuple) {
            events.add("removed " + tuple.name());
        }

        @Override
        public void onIceServerStateChange(IceState state) {
            events.add("state " + state.label());
        }

        @Override
        public void onIceServerWarning(String text) {
            warnings.add(text);
        }
    };
    /** As mediasoup 3.8.4's unless a test takes {@link #as332}. */
    private IceServer<FakeTuple> server = new IceServer<>(listener, PooledByteBufAllocator.DEFAULT, UFRAG, PASSWORD);

    /** An agent as mediasoup 3.32.2's: renomination, and consent checked after {@code consentTimeoutSeconds}. */
    private void as332(int consentTimeoutSeconds) {
        server = new IceServer<>(listener, PooledByteBufAllocator.DEFAULT, UFRAG, PASSWORD,
                new IceServer.Options(true, consentTimeoutSeconds), () -> nowMs);
    }

    private static FakeTuple tuple(String name) {
        return new FakeTuple(name, new InetSocketAddress("192.0.2." + (int) name.charAt(0), 5000 + name.charAt(0)));
    }

    /** Which of our passwords signed a success response: MESSAGE-INTEGRITY sits before FINGERPRINT. */
    private static String signer(byte[] response) {
        int integrity = response.length - 8 - 24;
        byte[] covered = Arrays.copyOf(response, integrity);
        int length = integrity + 24 - 20;
        covered[2] = (byte) (length >> 8);
        covered[3] = (byte) length;
        byte[] value = Arrays.copyOfRange(response, integrity + 4, integrity + 24);
        for (String password : List.of(PASSWORD, NEW_PASSWORD)) {
            if (Arrays.equals(value, StunRequestBuilder.hmac(covered, password))) {
                return password;
            }
        }
        return "nobody";
    }

    /**
     * Runs one step: "bind A" (a valid request from tuple A), "nominate A" (with USE-CANDIDATE),
     * "bind-old A"/"bind-new A" (with the credentials from before or after a restart),
     * "remove A", "force A", "restart".
     */
    private void run(String step) {
        String[] words = step.split(" ");
        switch (words[0]) {
            case "bind" -> process(StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD), words[1]);
            case "nominate" -> process(StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD).useCandidate(), words[1]);
            case "bind-new" -> process(StunRequestBuilder.binding(NEW_UFRAG + ":remote", NEW_PASSWORD), words[1]);
            case "remove" -> server.removeTuple(tuple(words[1]));
            case "force" -> server.forceSelectedTuple(tuple(words[1]));
            case "restart" -> server.restart(NEW_UFRAG, NEW_PASSWORD);
            case "renominate" -> process(StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD)
                    .nomination(0x0030, Long.parseLong(words[2])), words[1]);
            case "renominate-old" -> process(StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD)
                    .nomination(0xC001, Long.parseLong(words[2])), words[1]);
            case "nominate-with" -> process(StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD).useCandidate()
                    .nomination(0x0030, Long.parseLong(words[2])), words[1]);
            case "at" -> {
                nowMs = Long.parseLong(words[1]);
                server.checkConsent();
            }
            default -> throw new IllegalArgumentException(step);
        }
    }

    private void process(StunRequestBuilder request, String tupleName) {
        process(request.build(), tuple(tupleName));
    }

    private void process(byte[] message, FakeTuple tuple) {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(message);
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data));
            server.processStunPacket(packet, tuple);
        } finally {
            data.release();
        }
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("new to connected", List.of("bind A"),
                        List.of("A 200", "selected A", "state connected"), IceState.CONNECTED, "A"),
                Arguments.of("new to completed", List.of("nominate A"),
                        List.of("A 200", "selected A", "state completed"), IceState.COMPLETED, "A"),
                Arguments.of("connected to completed on the same tuple", List.of("bind A", "nominate A"),
                        List.of("A 200", "selected A", "state connected", "A 200", "state completed"), IceState.COMPLETED, "A"),
                Arguments.of("connected keeps its selection for a new tuple", List.of("bind A", "bind B"),
                        List.of("A 200", "selected A", "state connected", "B 200"), IceState.CONNECTED, "A"),
                Arguments.of("connected to completed on another tuple", List.of("bind A", "nominate B"),
                        List.of("A 200", "selected A", "state connected", "B 200", "selected B", "state completed"),
                        IceState.COMPLETED, "B"),
                Arguments.of("completed follows a new nomination", List.of("nominate A", "nominate B", "nominate B"),
                        List.of("A 200", "selected A", "state completed", "B 200", "selected B", "B 200"), IceState.COMPLETED, "B"),
                Arguments.of("completed keeps its selection without nomination", List.of("nominate A", "bind B"),
                        List.of("A 200", "selected A", "state completed", "B 200"), IceState.COMPLETED, "A"),
                Arguments.of("losing the selected tuple selects the most recent other",
                        List.of("nominate A", "bind B", "bind C", "remove A"),
                        List.of("A 200", "selected A", "state completed", "B 200", "C 200", "selected C"), IceState.COMPLETED, "C"),
                Arguments.of("losing another tuple changes nothing", List.of("nominate A", "bind B", "remove B", "remove C"),
                        List.of("A 200", "selected A", "state completed", "B 200"), IceState.COMPLETED, "A"),
                Arguments.of("losing the last tuple disconnects", List.of("nominate A", "remove A"),
                        List.of("A 200", "selected A", "state completed", "state disconnected"), IceState.DISCONNECTED, null),
                Arguments.of("disconnected to connected", List.of("bind A", "remove A", "bind B"),
                        List.of("A 200", "selected A", "state connected", "state disconnected", "B 200", "selected B",
                                "state connected"), IceState.CONNECTED, "B"),
                Arguments.of("disconnected to completed", List.of("bind A", "remove A", "nominate A"),
                        List.of("A 200", "selected A", "state connected", "state disconnected", "A 200", "selected A",
                                "state completed"), IceState.COMPLETED, "A"),
                Arguments.of("removing from new changes nothing", List.of("remove A"), List.of(), IceState.NEW, null),
                Arguments.of("media on a valid tuple selects it", List.of("nominate A", "bind B", "force B", "force C"),
                        List.of("A 200", "selected A", "state completed", "B 200", "selected B"), IceState.COMPLETED, "B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transitions(String name, List<String> steps, List<String> expected, IceState state, String selected) {
        steps.forEach(this::run);
        assertEquals(expected, events);
        assertEquals(state, server.state());
        assertEquals(selected, server.selectedTuple() == null ? null : server.selectedTuple().name());
    }

    static Stream<Arguments> rejections() {
        String user = UFRAG + ":remote";
        String unauthorized = "wrong authentication in STUN Binding Request => 401";
        String missing = "missing required attributes in STUN Binding Request => 400";
        return Stream.of(
                Arguments.of("wrong password", StunRequestBuilder.binding(user, "wrong"), "A 401", unauthorized),
                Arguments.of("wrong username fragment", StunRequestBuilder.binding("other:remote", PASSWORD), "A 401", unauthorized),
                Arguments.of("username without the colon", StunRequestBuilder.binding(UFRAG, PASSWORD), "A 401", unauthorized),
                Arguments.of("username of the other side first", StunRequestBuilder.binding("remote:" + UFRAG, PASSWORD),
                        "A 401", unauthorized),
                Arguments.of("peer is ICE-CONTROLLED", StunRequestBuilder.binding(user, PASSWORD).controlled(), "A 487",
                        "peer indicates ICE-CONTROLLED in STUN Binding Request => 487"),
                Arguments.of("no PRIORITY", StunRequestBuilder.binding(user, PASSWORD).withoutPriority(), "A 400", missing),
                Arguments.of("no USERNAME", StunRequestBuilder.binding(user, PASSWORD).withoutUsername(), "A 400", missing),
                Arguments.of("no MESSAGE-INTEGRITY", StunRequestBuilder.binding(user, PASSWORD).withoutIntegrity(), "A 400", missing),
                Arguments.of("no FINGERPRINT", StunRequestBuilder.binding(user, PASSWORD).withoutFingerprint(), "A 400",
                        "STUN Binding Request without FINGERPRINT => 400"),
                Arguments.of("not a Binding request", StunRequestBuilder.binding(user, PASSWORD).type(0x0003), "A 400",
                        "unknown method 0x003 in STUN Request => 400"),
                Arguments.of("a Binding indication", StunRequestBuilder.binding(user, PASSWORD).type(0x0011), null, null),
                Arguments.of("a Binding success response", StunRequestBuilder.binding(user, PASSWORD).type(0x0101), null, null),
                Arguments.of("a Binding response without FINGERPRINT",
                        StunRequestBuilder.binding(user, PASSWORD).type(0x0111).withoutFingerprint(), null,
                        "ignoring STUN Binding Response without FINGERPRINT"),
                Arguments.of("an Allocate response", StunRequestBuilder.binding(user, PASSWORD).type(0x0103), null,
                        "ignoring STUN Indication or Response with unknown method 0x003"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsOrIgnoresWithoutChangingState(String name, StunRequestBuilder request, String response, String warning) {
        process(request.build(), tuple("A"));
        assertEquals(response == null ? List.of() : List.of(response), events);
        assertEquals(warning == null ? List.of() : List.of(warning), warnings);
        assertEquals(IceState.NEW, server.state());
        assertEquals(false, server.isValidTuple(tuple("A")));
    }

    @Test
    void answersTheRfc5769RequestWithARoleConflict() {
        // Its USERNAME is "evtj:h6vY" and it carries ICE-CONTROLLED.
        IceServer<FakeTuple> rfcServer = new IceServer<>(new IceServer.Listener<>() {
            @Override
            public void onIceServerSendStunPacket(ByteBuf packet, FakeTuple tuple) {
                StunPacket response = new StunPacket();
                assertTrue(response.parse(packet));
                events.add(tuple.name() + " " + response.errorCode());
            }

            @Override
            public void onIceServerSelectedTuple(FakeTuple tuple) {
                events.add("selected");
            }

            @Override
            public void onIceServerTupleAdded(FakeTuple tuple) {
                events.add("added");
            }

            @Override
            public void onIceServerTupleRemoved(FakeTuple tuple) {
                events.add("evicted");
            }

            @Override
            public void onIceServerStateChange(IceState state) {
                events.add("state");
            }

            @Override
            public void onIceServerWarning(String text) {
                warnings.add(text);
            }
        }, PooledByteBufAllocator.DEFAULT, "evtj", StunVectors.PASSWORD);
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(ByteBufUtil.decodeHexDump(StunVectors.REQUEST));
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data));
            rfcServer.processStunPacket(packet, tuple("A"));
        } finally {
            data.release();
        }
        assertEquals(List.of("A 487"), events);
        assertEquals(List.of("peer indicates ICE-CONTROLLED in STUN Binding Request => 487"), warnings);
    }

    @Test
    void acceptsTheOldCredentialsAfterARestartUntilTheNewOnesAreUsed() {
        run("bind A");
        run("restart");
        assertEquals(NEW_UFRAG, server.usernameFragment());
        assertEquals(NEW_PASSWORD, server.password());
        run("bind A");
        run("bind-new A");
        run("bind A");
        run("bind-new B");
        assertEquals(List.of("A 200", "selected A", "state connected", "A 200", "A 200", "A 401", "B 200"), events);
        assertEquals(List.of(PASSWORD, PASSWORD, NEW_PASSWORD, NEW_PASSWORD), signedWith);
    }

    @Test
    void aSecondRestartForgetsTheFirstCredentials() {
        run("restart");
        server.restart("thirdufrag", "thirdpassword0123456789");
        run("bind A");
        run("bind-new A");
        assertEquals(List.of("A 401", "A 200", "selected A", "state connected"), events);
    }

    @Test
    void keepsAtMostEightTuplesEvictingTheOldestUnselectedOne() {
        run("nominate A");
        for (String name : List.of("B", "C", "D", "E", "F", "G", "H", "I", "J")) {
            run("bind " + name);
        }
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"), added);
        assertEquals(List.of("A 200", "selected A", "state completed", "B 200", "C 200", "D 200", "E 200", "F 200",
                "G 200", "H 200", "I 200", "removed B", "J 200", "removed C"), events);
        assertEquals(List.of("J", "I", "H", "G", "F", "E", "D", "A"), server.tuples().stream().map(FakeTuple::name).toList());
        assertEquals("A", server.selectedTuple().name());
        assertEquals(false, server.isValidTuple(tuple("B")));
        run("remove A");
        assertEquals("J", server.selectedTuple().name());
    }

    static Stream<Arguments> renominations() {
        return Stream.of(
                Arguments.of("a NOMINATION completes from new", List.of("renominate A 1"),
                        List.of("A 200", "selected A", "state completed"), IceState.COMPLETED, "A"),
                Arguments.of("libwebrtc's old attribute too", List.of("renominate-old A 1"),
                        List.of("A 200", "selected A", "state completed"), IceState.COMPLETED, "A"),
                Arguments.of("a NOMINATION of 0 is no nomination yet: the tuple is valid, nothing selected",
                        List.of("renominate A 0", "force A"), List.of("A 200"), IceState.NEW, null),
                Arguments.of("USE-CANDIDATE with a stale NOMINATION does not complete",
                        List.of("bind A", "nominate-with B 0"),
                        List.of("A 200", "selected A", "state connected", "B 200"), IceState.CONNECTED, "A"),
                Arguments.of("completed moves only for a higher NOMINATION",
                        List.of("renominate A 2", "renominate B 2", "renominate B 1", "renominate B 3"),
                        List.of("A 200", "selected A", "state completed", "B 200", "B 200", "B 200", "selected B"),
                        IceState.COMPLETED, "B"),
                Arguments.of("completed still follows USE-CANDIDATE", List.of("renominate A 5", "nominate-with B 1"),
                        List.of("A 200", "selected A", "state completed", "B 200", "selected B"), IceState.COMPLETED, "B"),
                Arguments.of("a restart forgets the last NOMINATION",
                        List.of("renominate A 5", "restart", "bind B", "renominate B 1"),
                        List.of("A 200", "selected A", "state completed", "B 200", "B 200", "selected B"),
                        IceState.COMPLETED, "B"),
                Arguments.of("a disconnection forgets it too", List.of("renominate A 5", "remove A", "renominate A 1"),
                        List.of("A 200", "selected A", "state completed", "state disconnected", "A 200", "selected A",
                                "state completed"), IceState.COMPLETED, "A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renominations")
    void renominatesAs332(String name, List<String> steps, List<String> expected, IceState state, String selected) {
        as332(30);
        steps.forEach(this::run);
        assertEquals(expected, events);
        assertEquals(state, server.state());
        assertEquals(selected, server.selectedTuple() == null ? null : server.selectedTuple().name());
    }

    @Test
    void anAgentAs384IgnoresNomination() {
        run("renominate A 0");
        run("renominate B 7");
        assertEquals(List.of("A 200", "selected A", "state connected", "B 200"), events);
    }

    static Stream<Arguments> consent() {
        return Stream.of(
                Arguments.of("a silent peer loses consent after the timeout, every tuple with it",
                        List.of("at 0", "bind A", "nominate B", "at 29999", "at 30000"),
                        List.of("A 200", "selected A", "state connected", "B 200", "selected B", "state completed",
                                "removed B", "removed A", "state disconnected"), IceState.DISCONNECTED, null),
                Arguments.of("any valid request gives consent", List.of("bind A", "bind B", "at 20000", "bind A",
                        "at 49999"),
                        List.of("A 200", "selected A", "state connected", "B 200", "A 200"), IceState.CONNECTED, "A"),
                Arguments.of("consent comes back with requests", List.of("bind A", "at 30000", "at 31000", "bind A"),
                        List.of("A 200", "selected A", "state connected", "removed A", "state disconnected",
                                "A 200", "selected A", "state connected"), IceState.CONNECTED, "A"),
                Arguments.of("not checked before a connection", List.of("at 100000"), List.of(), IceState.NEW, null),
                Arguments.of("a restart gives the peer a whole timeout",
                        List.of("bind A", "at 20000", "restart", "at 49999"),
                        List.of("A 200", "selected A", "state connected"), IceState.CONNECTED, "A"),
                Arguments.of("a new selected tuple gets a whole timeout",
                        List.of("nominate A", "bind B", "at 20000", "remove A", "at 49999", "at 50000"),
                        List.of("A 200", "selected A", "state completed", "B 200", "selected B", "removed B",
                                "state disconnected"), IceState.DISCONNECTED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consent")
    void expiresConsentAs332(String name, List<String> steps, List<String> expected, IceState state, String selected) {
        as332(30);
        steps.forEach(this::run);
        assertEquals(expected, events);
        assertEquals(state, server.state());
        assertEquals(selected, server.selectedTuple() == null ? null : server.selectedTuple().name());
        if (state == IceState.DISCONNECTED) {
            assertEquals(List.of(), server.tuples());
        }
    }

    @Test
    void consentDeadlineFollowsTheLastRequest() {
        as332(30);
        assertEquals(Long.MAX_VALUE, server.consentDeadlineMs());
        nowMs = 1000;
        run("bind A");
        assertEquals(31_000, server.consentDeadlineMs());
        run("at 31000");
        assertEquals(Long.MAX_VALUE, server.consentDeadlineMs());
        assertEquals(List.of("ICE consent expired due to timeout, moving to 'disconnected' state"), warnings);
    }

    @Test
    void zeroDisablesConsent() {
        as332(0);
        run("bind A");
        run("at 1000000000");
        assertEquals(Long.MAX_VALUE, server.consentDeadlineMs());
        assertEquals(IceState.CONNECTED, server.state());
    }

    static Stream<Arguments> consentTimeouts() {
        return Stream.of(Arguments.of(0, 0L, null), Arguments.of(1, 10_000L,
                "consentTimeoutSec cannot be lower than 10 seconds, fixing it"), Arguments.of(10, 10_000L, null),
                Arguments.of(30, 30_000L, null), Arguments.of(60, 60_000L, null),
                Arguments.of(255, 60_000L, "consentTimeoutSec cannot be higher than 60 seconds, fixing it"));
    }

    @ParameterizedTest(name = "{0} s")
    @MethodSource("consentTimeouts")
    void keepsTheConsentTimeoutWithin10And60Seconds(int seconds, long expectedMs, String warning) {
        as332(seconds);
        assertEquals(expectedMs, server.consentTimeoutMs());
        assertEquals(warning == null ? List.of() : List.of(warning), warnings);
    }

    /**
     * A peer with our credentials binding from 50,000 source ports (the same request bytes
     * each time): the tuples stay bounded, and so does the time per request, which grew with
     * the list when every tuple was kept (about 0.8 ms per request at the end). The listener
     * does nothing and leak detection is off, so that only the server's work is timed.
     */
    @Test
    void bindingFromManyPortsCostsBoundedTimeAndMemory() {
        List<FakeTuple> evicted = new ArrayList<>();
        IceServer<FakeTuple> quiet = quietServer(evicted);
        byte[] request = StunRequestBuilder.binding(UFRAG + ":remote", PASSWORD).build();
        ByteBuf data = Unpooled.wrappedBuffer(request);
        StunPacket packet = new StunPacket();
        int requests = 50_000;
        long start = System.nanoTime();
        for (int port = 0; port < requests; port++) {
            assertTrue(packet.parse(data.duplicate()));
            quiet.processStunPacket(packet, new FakeTuple("P" + port, new InetSocketAddress("198.51.100.7", port)));
            if (quiet.tuples().size() > IceServer.MAX_TUPLES) {
                throw new AssertionError(quiet.tuples().size() + " tuples after " + port + " requests");
            }
        }
        long perRequestNs = (System.nanoTime() - start) / requests;
        // A few microseconds each on a quiet machine; the limit leaves room for a busy one.
        assertTrue(perRequestNs < 200_000, perRequestNs + " ns per request");
        assertEquals(requests - IceServer.MAX_TUPLES, evicted.size());
        assertEquals("P0", quiet.selectedTuple().name());
    }

    /**
     * A peer streaming bare Binding headers (20 bytes, no attributes), each answered with a
     * 400: bounded time per request, as above.
     */
    @Test
    void bareRequestsCostBoundedTime() {
        IceServer<FakeTuple> quiet = quietServer(new ArrayList<>());
        ByteBuf data = Unpooled.wrappedBuffer(new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xA4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0});
        StunPacket packet = new StunPacket();
        FakeTuple peer = tuple("A");
        int requests = 50_000;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertTrue(packet.parse(data.duplicate()));
            quiet.processStunPacket(packet, peer);
        }
        long perRequestNs = (System.nanoTime() - start) / requests;
        assertTrue(perRequestNs < 200_000, perRequestNs + " ns per request");
        assertEquals(IceState.NEW, quiet.state());
    }

    /** A server whose listener only notes evictions, allocating without leak detection, for timing. */
    private static IceServer<FakeTuple> quietServer(List<FakeTuple> evicted) {
        return new IceServer<>(new IceServer.Listener<>() {
            @Override
            public void onIceServerSendStunPacket(ByteBuf packet, FakeTuple tuple) {}

            @Override
            public void onIceServerSelectedTuple(FakeTuple tuple) {}

            @Override
            public void onIceServerTupleAdded(FakeTuple tuple) {}

            @Override
            public void onIceServerTupleRemoved(FakeTuple tuple) {
                evicted.add(tuple);
            }

            @Override
            public void onIceServerStateChange(IceState state) {}

            @Override
            public void onIceServerWarning(String text) {}
        }, new UnpooledByteBufAllocator(false, true), UFRAG, PASSWORD);
    }
}
