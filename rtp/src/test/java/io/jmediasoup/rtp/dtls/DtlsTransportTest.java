package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.PacketDemux;
import io.jmediasoup.rtp.srtp.SrtpProfile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshakes over an in-memory wire: our server against our client, and each of ours against a
 * peer written straight on bctls. One single-thread executor plays the worker's event loop.
 */
class DtlsTransportTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final int AES_CM_80 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
    private static final int AES_CM_32 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32;
    private static final int GCM_128 = SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM;
    private static final int GCM_256 = SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM;

    private ExecutorService loop;

    /** One side of a handshake: our transport, what its listener heard, its certificate. */
    private record Endpoint(DtlsTransport dtls, RecordingListener listener, DtlsCertificate certificate) {
        DtlsFingerprint fingerprint(String algorithm) {
            return DtlsFingerprint.of(algorithm, certificate.der());
        }
    }

    @BeforeEach
    void startLoop() {
        loop = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "loop"));
    }

    @AfterEach
    void stopLoop() {
        loop.shutdownNow();
    }

    static final List<String> fingerprintAlgorithms = DtlsFingerprint.ALGORITHMS;

    @ParameterizedTest(name = "fingerprint {0}")
    @FieldSource("fingerprintAlgorithms")
    void ourClientAndOurServerDeriveTheSameKeys(String algorithm) throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        link(server, client);

        onLoop(() -> server.dtls().run(DtlsRole.SERVER, client.fingerprint(algorithm)));
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint(algorithm)));

        SrtpKeys serverKeys = server.listener().keys.get(5, TimeUnit.SECONDS);
        SrtpKeys clientKeys = client.listener().keys.get(5, TimeUnit.SECONDS);
        assertEquals(SrtpProfile.AEAD_AES_256_GCM, serverKeys.profile());
        assertEquals(SrtpProfile.AEAD_AES_256_GCM, clientKeys.profile());
        assertEquals(44, serverKeys.localKeyAndSalt().length);
        assertArrayEquals(serverKeys.localKeyAndSalt(), clientKeys.remoteKeyAndSalt());
        assertArrayEquals(serverKeys.remoteKeyAndSalt(), clientKeys.localKeyAndSalt());
        assertFalse(Arrays.equals(serverKeys.localKeyAndSalt(), serverKeys.remoteKeyAndSalt()));
        assertEquals(HandshakeOutcome.pem(client.certificate().der()),
                server.listener().remoteCertificatePem.get(1, TimeUnit.SECONDS));
        assertEquals(HandshakeOutcome.pem(server.certificate().der()),
                client.listener().remoteCertificatePem.get(1, TimeUnit.SECONDS));
        for (Endpoint endpoint : List.of(server, client)) {
            assertEquals("connecting", endpoint.listener().nextEvent());
            assertEquals("connected", endpoint.listener().nextEvent());
            assertEquals(DtlsState.CONNECTED, onLoop(() -> endpoint.dtls().state()));
        }
        assertHandshakeThreadEnded(server);
        assertHandshakeThreadEnded(client);
    }

    @ParameterizedTest
    @EnumSource(PemFiles.KeyFormat.class)
    void aCertificateFromPemFilesWorksInBothRoles(PemFiles.KeyFormat format, @TempDir Path directory) throws Exception {
        KeyPair keys = PemFiles.keyPair(format);
        PemFiles files = PemFiles.write(directory, format, keys, keys);
        DtlsCertificate loaded = DtlsCertificate.load(files.certificateFile, files.privateKeyFile);
        for (DtlsRole loadedRole : DtlsRole.values()) {
            Endpoint operator = endpoint(loaded, DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
            Endpoint peer = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
            link(operator, peer);
            boolean operatorServes = loadedRole == DtlsRole.SERVER;
            connect(operatorServes ? operator : peer, operatorServes ? peer : operator);
            assertEquals(HandshakeOutcome.pem(files.certificate.getEncoded()),
                    peer.listener().remoteCertificatePem.get(1, TimeUnit.SECONDS));
        }
    }

    /** Datagrams the wire loses once: from the client or the server, picked by their first record. */
    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of("the first ClientHello", DtlsRole.CLIENT, (Predicate<byte[]>) d -> d[0] == 22 && epoch(d) == 0),
                Arguments.of("the server's first flight", DtlsRole.SERVER, (Predicate<byte[]>) d -> d[0] == 22 && epoch(d) == 0),
                Arguments.of("the client's ChangeCipherSpec and Finished", DtlsRole.CLIENT,
                        (Predicate<byte[]>) d -> d[0] == 20 || (d[0] == 22 && epoch(d) == 1)),
                Arguments.of("the server's ChangeCipherSpec and Finished (answered again once connected)",
                        DtlsRole.SERVER, (Predicate<byte[]>) d -> d[0] == 20 || (d[0] == 22 && epoch(d) == 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void aLostFlightIsRetransmitted(String name, DtlsRole sender, Predicate<byte[]> lost) throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        link(server, client);
        Endpoint lossy = sender == DtlsRole.SERVER ? server : client;
        Endpoint receiver = sender == DtlsRole.SERVER ? client : server;
        Set<Integer> droppedKinds = new HashSet<>();
        lossy.listener().connectTo(datagram -> {
            boolean firstOfItsKind = droppedKinds.add((datagram[0] << 16) | epoch(datagram));
            if (!(lost.test(datagram) && firstOfItsKind)) {
                receiver.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram));
            }
        });

        connect(server, client);

        SrtpKeys serverKeys = server.listener().keys.get(1, TimeUnit.SECONDS);
        assertArrayEquals(serverKeys.localKeyAndSalt(), client.listener().keys.get(1, TimeUnit.SECONDS).remoteKeyAndSalt());
        assertTrue(onLoop(() -> client.dtls().send(bytes("after the loss"))));
        assertEquals("after the loss", text(server.listener().applicationData.poll(5, TimeUnit.SECONDS)));
    }

    @Test
    void aDtls10ClientConnects() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer client = new PlainBctlsPeer(AES_CM_80)) {
            client.versions = ProtocolVersion.DTLSv10.only();
            link(server, client);
            onLoop(() -> server.dtls().run(DtlsRole.SERVER, fingerprint(client)));
            client.runClient();

            SrtpKeys keys = server.listener().keys.get(5, TimeUnit.SECONDS);
            byte[][] split = rfc5764Split(client.keyingMaterial.get(5, TimeUnit.SECONDS), keys.profile());
            assertArrayEquals(split[1], keys.localKeyAndSalt());
        }
    }

    /** A client offering these profiles, and what our server (preferring GCM-256, GCM-128, CM-80, CM-32) picks. */
    static Stream<Arguments> clientOffers() {
        return Stream.of(
                Arguments.of(new int[] {AES_CM_80}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {AES_CM_32}, SrtpProfile.AES_CM_128_HMAC_SHA1_32),
                Arguments.of(new int[] {AES_CM_32, AES_CM_80}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {AES_CM_80, GCM_128}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {AES_CM_32, AES_CM_80, GCM_128, GCM_256}, SrtpProfile.AEAD_AES_256_GCM));
    }

    @ParameterizedTest
    @MethodSource("clientOffers")
    void ourServerPicksItsPreferredProfileAmongThoseOffered(int[] offered, SrtpProfile expected) throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer client = new PlainBctlsPeer(offered)) {
            link(server, client);
            onLoop(() -> server.dtls().run(DtlsRole.SERVER, fingerprint(client)));
            client.runClient();

            SrtpKeys keys = server.listener().keys.get(5, TimeUnit.SECONDS);
            assertEquals(expected, keys.profile());
            assertEquals(expected.dtlsProfileId(), client.profile.get(5, TimeUnit.SECONDS));
            byte[][] split = rfc5764Split(client.keyingMaterial.get(5, TimeUnit.SECONDS), expected);
            assertArrayEquals(split[1], keys.localKeyAndSalt(), "server writes with the server key and salt");
            assertArrayEquals(split[0], keys.remoteKeyAndSalt(), "server reads with the client key and salt");
            assertArrayEquals(server.certificate().der(), client.peerCertificateDer.get(1, TimeUnit.SECONDS));
        }
    }

    /** A server accepting these profiles in its order, and what our client ends up with. */
    static Stream<Arguments> serverChoices() {
        return Stream.of(
                Arguments.of(new int[] {AES_CM_80}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {GCM_128, GCM_256}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {AES_CM_32, GCM_256}, SrtpProfile.AES_CM_128_HMAC_SHA1_32),
                Arguments.of(new int[] {GCM_256}, SrtpProfile.AEAD_AES_256_GCM));
    }

    @ParameterizedTest
    @MethodSource("serverChoices")
    void ourClientTakesTheProfileTheServerPicks(int[] accepted, SrtpProfile expected) throws Exception {
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer server = new PlainBctlsPeer(accepted)) {
            link(client, server);
            server.runServer();
            onLoop(() -> client.dtls().run(DtlsRole.CLIENT, fingerprint(server)));

            SrtpKeys keys = client.listener().keys.get(5, TimeUnit.SECONDS);
            assertEquals(expected, keys.profile());
            byte[][] split = rfc5764Split(server.keyingMaterial.get(5, TimeUnit.SECONDS), expected);
            assertArrayEquals(split[0], keys.localKeyAndSalt(), "client writes with the client key and salt");
            assertArrayEquals(split[1], keys.remoteKeyAndSalt(), "client reads with the server key and salt");
            assertArrayEquals(client.certificate().der(), server.peerCertificateDer.get(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFingerprintMismatchFailsBothSidesWithBadCertificate() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        link(server, client);
        DtlsFingerprint someoneElse = DtlsCertificate.generate().fingerprints().get(2);

        onLoop(() -> server.dtls().run(DtlsRole.SERVER, someoneElse));
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint("sha-256")));

        String reason = server.listener().failure.get(5, TimeUnit.SECONDS);
        assertTrue(reason.contains("does not match the announced one (" + someoneElse.value() + ")"), reason);
        assertTrue(client.listener().failure.get(5, TimeUnit.SECONDS).contains("bad_certificate"));
        assertEquals(DtlsState.FAILED, onLoop(() -> server.dtls().state()));
        assertEquals(List.of("connecting", "failed"), List.of(server.listener().nextEvent(), server.listener().nextEvent()));
        assertFalse(server.listener().keys.isDone());
        assertHandshakeThreadEnded(server);
    }

    @Test
    void ourClientAbortsAServerWithTheWrongCertificate() throws Exception {
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer server = new PlainBctlsPeer(AES_CM_80)) {
            link(client, server);
            Future<?> handshake = server.runServer();
            onLoop(() -> client.dtls().run(DtlsRole.CLIENT, DtlsCertificate.generate().fingerprints().get(4)));

            assertTrue(client.listener().failure.get(5, TimeUnit.SECONDS).contains("does not match"));
            ExecutionException aborted = assertThrows(ExecutionException.class,
                    () -> handshake.get(5, TimeUnit.SECONDS));
            TlsFatalAlertReceived alert = assertInstanceOf(TlsFatalAlertReceived.class, aborted.getCause());
            assertEquals(AlertDescription.bad_certificate, alert.getAlertDescription());
        }
    }

    @Test
    void aClientWithoutACommonSrtpProfileFails() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer client = new PlainBctlsPeer(SRTPProtectionProfile.SRTP_NULL_HMAC_SHA1_80)) {
            link(server, client);
            onLoop(() -> server.dtls().run(DtlsRole.SERVER, fingerprint(client)));
            Future<?> handshake = client.runClient();

            assertEquals("SRTP crypto suite not negotiated", server.listener().failure.get(5, TimeUnit.SECONDS));
            ExecutionException aborted = assertThrows(ExecutionException.class,
                    () -> handshake.get(5, TimeUnit.SECONDS));
            TlsFatalAlertReceived alert = assertInstanceOf(TlsFatalAlertReceived.class, aborted.getCause());
            assertEquals(AlertDescription.handshake_failure, alert.getAlertDescription());
        }
    }

    @Test
    void applicationDataGoesBothWaysOnceConnected() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        link(server, client);
        assertFalse(onLoop(() -> client.dtls().send(bytes("too early"))));
        connect(server, client);

        assertTrue(onLoop(() -> client.dtls().send(bytes("ping"))));
        assertEquals("ping", text(server.listener().applicationData.poll(5, TimeUnit.SECONDS)));
        assertTrue(onLoop(() -> server.dtls().send(bytes("pong"))));
        assertEquals("pong", text(client.listener().applicationData.poll(5, TimeUnit.SECONDS)));

        int limit = onLoop(() -> client.dtls().maxApplicationDataSize());
        assertTrue(limit > 1200 && limit < QueuedDatagramTransport.MTU, "limit " + limit);
        assertTrue(onLoop(() -> client.dtls().send(new byte[limit])));
        assertEquals(limit, server.listener().applicationData.poll(5, TimeUnit.SECONDS).length);
        assertFalse(onLoop(() -> client.dtls().send(new byte[limit + 1])));
        assertFalse(onLoop(() -> client.dtls().send(new byte[0])));
        assertEquals(DtlsState.CONNECTED, onLoop(() -> client.dtls().state()));
    }

    @Test
    void applicationDataGoesBothWaysWithAPlainPeer() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer client = new PlainBctlsPeer(AES_CM_80)) {
            link(server, client);
            onLoop(() -> server.dtls().run(DtlsRole.SERVER, fingerprint(client)));
            client.runClient();
            server.listener().keys.get(5, TimeUnit.SECONDS);

            byte[] ping = bytes("ping");
            client.transport.get(5, TimeUnit.SECONDS).send(ping, 0, ping.length);
            assertEquals("ping", text(server.listener().applicationData.poll(5, TimeUnit.SECONDS)));
            assertTrue(onLoop(() -> server.dtls().send(bytes("pong"))));
            assertEquals("pong", text(client.receiveApplicationData()));
        }
    }

    /** Datagrams that pass isDtls but are no valid record for the association. */
    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("a truncated header", new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99}),
                Arguments.of("application data with a bad MAC", record(23, 1, 40)),
                Arguments.of("a handshake record of an unknown epoch", record(22, 7, 30)),
                Arguments.of("an alert of an unknown epoch", record(21, 9, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageIsDroppedBeforeAndAfterTheHandshake(String name, byte[] garbage) throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        link(server, client);
        onLoop(() -> server.dtls().run(DtlsRole.SERVER, client.fingerprint("sha-256")));
        assertTrue(onLoop(() -> server.dtls().handleDatagram(Unpooled.wrappedBuffer(garbage))), "taken by the handshake");
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint("sha-256")));
        server.listener().keys.get(5, TimeUnit.SECONDS);
        client.listener().keys.get(5, TimeUnit.SECONDS);

        assertTrue(onLoop(() -> server.dtls().handleDatagram(Unpooled.wrappedBuffer(garbage))));
        assertTrue(onLoop(() -> client.dtls().handleDatagram(Unpooled.wrappedBuffer(garbage))));

        assertTrue(onLoop(() -> client.dtls().send(bytes("still there"))));
        assertEquals("still there", text(server.listener().applicationData.poll(5, TimeUnit.SECONDS)));
        assertEquals(DtlsState.CONNECTED, onLoop(() -> server.dtls().state()));
        assertEquals(DtlsState.CONNECTED, onLoop(() -> client.dtls().state()));
    }

    @Test
    void closeSendsCloseNotifyAndThePeerReportsClosed() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        List<byte[]> sentByClient = new CopyOnWriteArrayList<>();
        List<byte[]> sentByServer = new CopyOnWriteArrayList<>();
        server.listener().connectTo(datagram -> {
            sentByServer.add(datagram);
            client.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram));
        });
        client.listener().connectTo(datagram -> {
            sentByClient.add(datagram);
            server.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram));
        });
        connect(server, client);
        client.listener().events.clear();

        int sentBefore = sentByClient.size();
        int serverSentBefore = sentByServer.size();
        onLoop(() -> client.dtls().close());
        assertEquals(sentBefore + 1, sentByClient.size(), "close_notify goes out before close() returns");
        assertEquals(21, sentByClient.get(sentBefore)[0], "an alert record");

        server.listener().closed.get(5, TimeUnit.SECONDS);
        assertEquals(DtlsState.CLOSED, onLoop(() -> server.dtls().state()));
        assertEquals(DtlsState.CLOSED, onLoop(() -> client.dtls().state()));
        assertEquals(sentBefore + 1, sentByClient.size(), "nothing more after close()");
        assertEquals(serverSentBefore, sentByServer.size(), "as the C++ worker, no close_notify in reply");
        assertNull(client.listener().events.poll(100, TimeUnit.MILLISECONDS), "no callback after close()");
    }

    @Test
    void aPlainPeerClosingIsReportedClosed() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        try (PlainBctlsPeer client = new PlainBctlsPeer(AES_CM_80)) {
            link(server, client);
            onLoop(() -> server.dtls().run(DtlsRole.SERVER, fingerprint(client)));
            client.runClient();
            server.listener().keys.get(5, TimeUnit.SECONDS);

            client.transport.get(5, TimeUnit.SECONDS).close();
            server.listener().closed.get(5, TimeUnit.SECONDS);
            assertEquals(DtlsState.CLOSED, onLoop(() -> server.dtls().state()));
        }
    }

    @Test
    void aClientWhoseServerVanishesFailsAfterTheTimeout() throws Exception {
        Endpoint client = endpoint(SHORT_TIMEOUT);
        List<byte[]> clientHellos = new CopyOnWriteArrayList<>();
        client.listener().connectTo(clientHellos::add);
        long start = System.nanoTime();

        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, DtlsCertificate.generate().fingerprints().get(2)));

        String reason = client.listener().failure.get(5, TimeUnit.SECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(reason.contains("timed out"), reason);
        assertTrue(elapsedMillis >= 300 && elapsedMillis < 2000, elapsedMillis + " ms");
        assertTrue(clientHellos.size() >= 2, "the ClientHello is retransmitted, first after 100 ms");
        assertEquals(22, clientHellos.get(0)[0], "a handshake record");
        assertHandshakeThreadEnded(client);
    }

    @Test
    void aServerWhoseClientVanishesFailsAfterTheTimeout() throws Exception {
        Endpoint server = endpoint(SHORT_TIMEOUT);
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<Void> clientHelloDelivered = new CompletableFuture<>();
        client.listener().connectTo(datagram -> {
            server.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram));
            clientHelloDelivered.complete(null);
        });
        onLoop(() -> server.dtls().run(DtlsRole.SERVER, client.fingerprint("sha-256")));
        assertNull(onLoop(() -> server.dtls().handshakeTask()), "no thread before the first datagram");

        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint("sha-256")));
        clientHelloDelivered.get(5, TimeUnit.SECONDS);
        onLoop(() -> client.dtls().close());

        assertTrue(server.listener().failure.get(5, TimeUnit.SECONDS).contains("timed out"));
        assertHandshakeThreadEnded(server);
    }

    /**
     * A peer that sends a record leading nowhere more often than the timeout used to keep a
     * handshake thread for as long as it liked; the deadline counts from the first datagram.
     */
    @Test
    void recordsThatLeadNowhereDoNotExtendTheHandshake() throws Exception {
        Endpoint server = endpoint(SHORT_TIMEOUT);
        onLoop(() -> server.dtls().run(DtlsRole.SERVER, DtlsCertificate.generate().fingerprints().get(2)));
        byte[] junk = record(22, 7, 30);
        long start = System.nanoTime();
        String reason = null;
        for (int i = 0; i < 100 && reason == null; i++) {
            onLoop(() -> server.dtls().handleDatagram(Unpooled.wrappedBuffer(junk)));
            try {
                reason = server.listener().failure.get(SHORT_TIMEOUT.toMillis() / 6, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // Another record before the old idle timeout would have passed.
            }
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(reason != null && reason.contains("timed out"), String.valueOf(reason));
        assertTrue(elapsedMillis < 5000, elapsedMillis + " ms");
        assertEquals(DtlsState.FAILED, onLoop(() -> server.dtls().state()));
        assertHandshakeThreadEnded(server);
    }

    /**
     * With one thread and one place in the queue, a third handshake under way fails at once;
     * the queued one waits for the thread and still succeeds once it is free.
     */
    @Test
    void aHandshakeFailsWhenThePoolAndItsQueueAreFull() throws Exception {
        HandshakeThreads pool = new HandshakeThreads(1, 1);
        RecordingListener holderListener = new RecordingListener(loop);
        DtlsTransport holder = new DtlsTransport(DtlsCertificate.generate(), loop, holderListener, SHORT_TIMEOUT, pool);
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        RecordingListener clientListener = new RecordingListener(loop);
        DtlsCertificate clientCertificate = DtlsCertificate.generate();
        Endpoint client = new Endpoint(new DtlsTransport(clientCertificate, loop, clientListener, Duration.ofSeconds(10), pool),
                clientListener, clientCertificate);
        RecordingListener refusedListener = new RecordingListener(loop);
        DtlsTransport refused = new DtlsTransport(DtlsCertificate.generate(), loop, refusedListener, SHORT_TIMEOUT, pool);
        link(server, client);
        DtlsFingerprint anyone = DtlsCertificate.generate().fingerprints().get(2);
        onLoop(() -> server.dtls().run(DtlsRole.SERVER, client.fingerprint("sha-256")));
        // The holder's client takes the thread until its timeout, our client waits in the queue.
        onLoop(() -> holder.run(DtlsRole.CLIENT, anyone));
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint("sha-256")));
        onLoop(() -> refused.run(DtlsRole.CLIENT, anyone));

        assertEquals(DtlsTransport.POOL_FULL, refusedListener.failure.get(5, TimeUnit.SECONDS));
        assertEquals(DtlsState.FAILED, onLoop(refused::state));
        assertTrue(holderListener.failure.get(5, TimeUnit.SECONDS).contains("timed out"));
        client.listener().keys.get(5, TimeUnit.SECONDS);
        server.listener().keys.get(5, TimeUnit.SECONDS);
        onLoop(() -> {
            server.dtls().close();
            client.dtls().close();
        });
    }

    @Test
    void closingDuringTheHandshakeEndsItsThreadAtOnce() throws Exception {
        Endpoint client = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, DtlsCertificate.generate().fingerprints().get(2)));
        Future<?> handshake = onLoop(() -> client.dtls().handshakeTask());
        onLoop(() -> client.dtls().close());

        handshake.get(1, TimeUnit.SECONDS);
        assertEquals(DtlsState.CLOSED, onLoop(() -> client.dtls().state()));
        assertFalse(onLoop(() -> client.dtls().handleDatagram(Unpooled.wrappedBuffer(new byte[20]))));
        String event;
        while ((event = client.listener().events.poll(100, TimeUnit.MILLISECONDS)) != null) {
            assertEquals("connecting", event, "nothing but a connecting posted before close()");
        }
    }

    @Test
    void datagramsBeforeRunAreDropped() throws Exception {
        Endpoint server = endpoint(DtlsTransport.DEFAULT_HANDSHAKE_TIMEOUT);
        assertFalse(onLoop(() -> server.dtls().handleDatagram(Unpooled.wrappedBuffer(new byte[20]))));
        assertEquals(DtlsState.NEW, onLoop(() -> server.dtls().state()));
    }

    /** First byte and length of a datagram, and whether RFC 7983 and the C++ IsDtls take it for DTLS. */
    static Stream<Arguments> datagrams() {
        return Stream.of(
                Arguments.of(22, 13, true),
                Arguments.of(20, 100, true),
                Arguments.of(63, 13, true),
                Arguments.of(22, 12, false),
                Arguments.of(19, 100, false),
                Arguments.of(64, 100, false),
                Arguments.of(0, 100, false),
                Arguments.of(128, 100, false));
    }

    @ParameterizedTest
    @MethodSource("datagrams")
    void isDtlsLooksAtTheFirstByteAndTheLength(int firstByte, int length, boolean expected) {
        byte[] datagram = new byte[length];
        datagram[0] = (byte) firstByte;
        assertEquals(expected, PacketDemux.isDtls(Unpooled.wrappedBuffer(datagram)));
        byte[] behindAPrefix = new byte[length + 1];
        behindAPrefix[0] = (byte) 0x80;
        System.arraycopy(datagram, 0, behindAPrefix, 1, length);
        assertEquals(expected, PacketDemux.isDtls(Unpooled.wrappedBuffer(behindAPrefix).skipBytes(1)),
                "from the reader index");
    }

    private Endpoint endpoint(Duration timeout) throws Exception {
        return endpoint(DtlsCertificate.generate(), timeout);
    }

    private Endpoint endpoint(DtlsCertificate certificate, Duration timeout) throws Exception {
        RecordingListener listener = new RecordingListener(loop);
        return new Endpoint(new DtlsTransport(certificate, loop, listener, timeout), listener, certificate);
    }

    /** Each side's datagrams go to the other; listener callbacks already run on the loop. */
    private static void link(Endpoint a, Endpoint b) {
        a.listener().connectTo(datagram -> b.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram)));
        b.listener().connectTo(datagram -> a.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram)));
    }

    private void link(Endpoint ours, PlainBctlsPeer plain) {
        ours.listener().connectTo(plain::receive);
        plain.connectTo(datagram -> loop.execute(() -> ours.dtls().handleDatagram(Unpooled.wrappedBuffer(datagram))));
    }

    private void connect(Endpoint server, Endpoint client) throws Exception {
        onLoop(() -> server.dtls().run(DtlsRole.SERVER, client.fingerprint("sha-256")));
        onLoop(() -> client.dtls().run(DtlsRole.CLIENT, server.fingerprint("sha-256")));
        server.listener().keys.get(5, TimeUnit.SECONDS);
        client.listener().keys.get(5, TimeUnit.SECONDS);
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private static void assertHandshakeThreadEnded(Endpoint endpoint) throws Exception {
        endpoint.dtls().handshakeTask().get(1, TimeUnit.SECONDS);
    }

    private static DtlsFingerprint fingerprint(PlainBctlsPeer peer) {
        return peer.certificate.fingerprints().get(2);
    }

    /** RFC 5764 §4.2: {client key + client salt, server key + server salt}. */
    private static byte[][] rfc5764Split(byte[] material, SrtpProfile profile) {
        int key = profile.masterKeyLength();
        int salt = profile.masterSaltLength();
        byte[] client = new byte[key + salt];
        byte[] server = new byte[key + salt];
        System.arraycopy(material, 0, client, 0, key);
        System.arraycopy(material, key, server, 0, key);
        System.arraycopy(material, 2 * key, client, key, salt);
        System.arraycopy(material, 2 * key + salt, server, key, salt);
        return new byte[][] {client, server};
    }

    /** A DTLS 1.2 record header of this type and epoch, sequence 1000, and {@code length} bytes of 0x5A. */
    private static byte[] record(int type, int epoch, int length) {
        byte[] record = new byte[13 + length];
        Arrays.fill(record, (byte) 0x5A);
        record[0] = (byte) type;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = (byte) (epoch >> 8);
        record[4] = (byte) epoch;
        record[5] = 0;
        record[6] = 0;
        record[7] = 0;
        record[8] = 0;
        record[9] = 0x03;
        record[10] = (byte) 0xE8;
        record[11] = (byte) (length >> 8);
        record[12] = (byte) length;
        return record;
    }

    private static int epoch(byte[] record) {
        return ((record[3] & 0xFF) << 8) | (record[4] & 0xFF);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }
}
