package io.jmediasoup.rtp.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jmediasoup.rtp.PacketDemux;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * DTLS datagrams from a peer, through {@link PacketDemux#isDtls} and
 * {@link DtlsTransport#handleDatagram} of a transport before run() and of both ends of a
 * connected association (our server and our client over an in-memory wire, on one event-loop
 * thread). The handshake runs on bctls's thread only when the fixture (re)connects, so the
 * fuzzed path is the connected one: record-layer parsing, decryption and authentication,
 * replay detection, alerts. Nothing may throw; a record the client sent arrives as sent, one
 * altered on the way never arrives, and no raw datagram (which nobody could have encrypted)
 * ends the association.
 *
 * <p>An input is a sequence of operations, each a byte whose low two bits choose:
 * 0, the client sends application data (a length byte, that many bytes), and the record goes
 * to the server with the byte at a position (next byte, modulo the datagram's length) XORed
 * with a value (the byte after; 0 leaves it intact); 1, a raw datagram (16-bit length, bytes)
 * to the server; 2, the same to a transport not yet run; 3, the same to the client.
 */
class DtlsFuzzTest {
    private static ExecutorService loop;
    private static DtlsCertificate certificate;
    private static Association association;

    /** Our server and client, connected; what the client sends is held back for the test to deliver. */
    private static final class Association {
        final Recorder serverEvents = new Recorder();
        final Recorder clientEvents = new Recorder();
        final DtlsTransport server = new DtlsTransport(certificate, loop, serverEvents);
        final DtlsTransport client = new DtlsTransport(certificate, loop, clientEvents);
        boolean holdClientDatagrams;

        Association() throws Exception {
            serverEvents.wire = datagram -> client.handleDatagram(Unpooled.wrappedBuffer(datagram));
            clientEvents.wire = datagram -> {
                if (holdClientDatagrams) {
                    clientEvents.held.add(datagram);
                } else {
                    server.handleDatagram(Unpooled.wrappedBuffer(datagram));
                }
            };
            DtlsFingerprint fingerprint = certificate.fingerprints().get(2);
            onLoop(() -> server.run(DtlsRole.SERVER, fingerprint));
            onLoop(() -> client.run(DtlsRole.CLIENT, fingerprint));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!onLoop(() -> server.state() == DtlsState.CONNECTED && client.state() == DtlsState.CONNECTED)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the fixture's handshake did not complete");
                }
                Thread.sleep(5);
            }
            holdClientDatagrams = true;
        }

        boolean connected() throws Exception {
            return onLoop(() -> server.state() == DtlsState.CONNECTED && client.state() == DtlsState.CONNECTED);
        }

        void close() throws Exception {
            onLoop(() -> {
                server.close();
                client.close();
            });
        }
    }

    /** A listener that keeps application data and hands datagrams to a wire. */
    private static final class Recorder implements DtlsTransport.Listener {
        final Queue<byte[]> applicationData = new ArrayDeque<>();
        final Queue<byte[]> held = new ArrayDeque<>();
        Consumer<byte[]> wire = datagram -> { };

        @Override
        public void onDtlsConnecting() {}

        @Override
        public void onDtlsConnected(SrtpKeys srtpKeys, String remoteCertificatePem) {}

        @Override
        public void onDtlsFailed(String reason) {}

        @Override
        public void onDtlsClosed() {}

        @Override
        public void onDtlsSendData(byte[] datagram) {
            wire.accept(datagram);
        }

        @Override
        public void onDtlsApplicationData(byte[] data) {
            applicationData.add(data);
        }
    }

    @BeforeAll
    static void setUp() {
        loop = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "loop"));
        certificate = DtlsCertificate.generate();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (association != null) {
            association.close();
        }
        loop.shutdownNow();
    }

    @FuzzTest(maxDuration = "5s")
    void datagrams(byte[] input) throws Exception {
        if (association == null || !association.connected()) {
            if (association != null) {
                association.close();
            }
            association = new Association();
        }
        Association link = association;
        DtlsTransport notRun = new DtlsTransport(certificate, loop, new Recorder());
        int offset = 0;
        while (offset < input.length) {
            int operation = input[offset++] & 0x03;
            if (operation == 0) {
                int length = Math.min(input.length - offset, offset < input.length ? input[offset++] & 0xFF : 0);
                byte[] data = Arrays.copyOfRange(input, offset, offset + length);
                offset += length;
                int position = offset < input.length ? input[offset++] & 0xFF : 0;
                int xor = offset < input.length ? input[offset++] & 0xFF : 0;
                sendAltered(link, data, position, xor);
            } else {
                int length = offset + 2 <= input.length
                        ? Math.min(((input[offset] & 0xFF) << 8) | (input[offset + 1] & 0xFF), input.length - offset - 2) : 0;
                byte[] datagram = Arrays.copyOfRange(input, Math.min(offset + 2, input.length), Math.min(offset + 2, input.length) + length);
                offset += 2 + length;
                DtlsTransport to = operation == 1 ? link.server : operation == 2 ? notRun : link.client;
                onLoop(() -> {
                    ByteBuf buffer = Unpooled.wrappedBuffer(datagram);
                    PacketDemux.isDtls(buffer);
                    boolean taken = to.handleDatagram(buffer);
                    assertFalse(to == notRun && taken, "a transport not run takes nothing");
                    assertEquals(to == notRun ? DtlsState.NEW : DtlsState.CONNECTED, to.state(),
                            "a datagram nobody could have encrypted is dropped, not fatal");
                    assertEquals(0, buffer.readerIndex(), "the caller's buffer is left as it was");
                });
            }
        }
        onLoop(() -> {
            link.serverEvents.applicationData.clear();
            link.clientEvents.applicationData.clear();
        });
    }

    /** The client's record for {@code data}, altered or not, to the server. */
    private static void sendAltered(Association link, byte[] data, int position, int xor) throws Exception {
        boolean sent = onLoop(() -> {
            link.clientEvents.held.clear();
            link.serverEvents.applicationData.clear();
            return link.client.send(data);
        });
        if (!sent) {
            return;
        }
        // The record reaches the listener (and the held queue) in a task of its own, after the one above.
        onLoop(() -> {
            for (byte[] datagram : link.clientEvents.held) {
                datagram[position % datagram.length] ^= (byte) xor;
                link.server.handleDatagram(Unpooled.wrappedBuffer(datagram));
            }
        });
        // So does the application data.
        byte[] received = onLoop(() -> link.serverEvents.applicationData.poll());
        assertEquals(DtlsState.CONNECTED, onLoop(() -> link.server.state()), "an altered record is dropped, not fatal");
        if (xor == 0) {
            assertArrayEquals(data, received, "an intact record arrives as sent");
        } else {
            assertNull(received, "an altered record is dropped");
        }
    }

    private static <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private static void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(10, TimeUnit.SECONDS);
    }
}
