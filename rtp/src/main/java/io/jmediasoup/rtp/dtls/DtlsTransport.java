package io.jmediasoup.rtp.dtls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The DTLS side of a WebRtcTransport (RFC 5764 DTLS-SRTP), as the C++ worker's DtlsTransport:
 * a handshake in a definite role that checks the peer's certificate against the fingerprint from
 * signaling, then the SRTP keys, application data for SCTP, and close_notify both ways.
 *
 * <p>Threading: every method is called on the event loop, the thread behind {@code loop}. bctls
 * can only run a DTLS handshake as a blocking call, so each handshake runs on a thread of a
 * bounded shared pool ({@link HandshakeThreads}) that waits on the datagrams the loop hands
 * over; retransmissions are timed by bctls. A handshake has a total deadline, so a peer that
 * keeps sending records that lead nowhere cannot hold a thread beyond it; when the pool and
 * its queue are full, the handshake fails at once.
 * Once connected the loop reads and writes through bctls itself, which then never waits. Every
 * listener method runs as a task given to {@code loop}, never inside a call to this class (so a
 * listener may call back into it), except the close_notify that {@link #close()} sends at once.
 * After close() the listener hears nothing more.
 */
public final class DtlsTransport {
    /**
     * How long a handshake may take in all before FAILED, from the client's first flight or the
     * server's first datagram; datagrams that do not finish it do not extend it. OpenSSL in the
     * C++ worker gives up on a flight after its 12th retransmission: with mediasoup's timer
     * (100 ms, doubling, back to 4 s once past it) that is 36.7 s after the flight was first sent.
     */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofMillis(36_700);
    /** Content type, version, epoch, sequence number, length (RFC 6347 §4.1). */
    private static final int RECORD_HEADER_SIZE = 13;
    /** The first retransmission of a flight, as the C++ worker's DTLS timer callback sets it. */
    static final int INITIAL_RESEND_MILLIS = 100;

    static final String POOL_FULL = "DTLS handshake failed: too many handshakes under way";

    /** What the transport reports, always on the event loop. */
    public interface Listener {
        /** run() was called: media may come in, none may go out yet. */
        void onDtlsConnecting();

        /** Handshake done, peer certificate verified, SRTP profile negotiated: media may go out. */
        void onDtlsConnected(SrtpKeys srtpKeys, String remoteCertificatePem);

        /** The handshake failed (alert, fingerprint mismatch, no SRTP profile, timeout). */
        void onDtlsFailed(String reason);

        /** The connected association ended: close_notify or a fatal error from the peer. */
        void onDtlsClosed();

        /** A datagram to send to the peer on the selected tuple. */
        void onDtlsSendData(byte[] datagram);

        /** Application data (SCTP) from the peer. */
        void onDtlsApplicationData(byte[] data);
    }

    private final DtlsCertificate certificate;
    private final Executor loop;
    private final Listener listener;
    private final long handshakeTimeoutNanos;
    private final HandshakeThreads handshakeThreads;

    private DtlsState state = DtlsState.NEW;
    private DtlsRole role;
    private HandshakeOutcome outcome;
    private QueuedDatagramTransport transport;
    private Future<?> handshake;
    private org.bouncycastle.tls.DTLSTransport connection;
    private byte[] receiveBuffer;
    private boolean closed;
    /** Set only while close() sends close_notify, so that it goes out before close() returns. */
    private volatile boolean closing;

    public DtlsTransport(DtlsCertificate certificate, Executor loop, Listener listener) {
        this(certificate, loop, listener, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public DtlsTransport(DtlsCertificate certificate, Executor loop, Listener listener, Duration handshakeTimeout) {
        this(certificate, loop, listener, handshakeTimeout, HandshakeThreads.SHARED);
    }

    DtlsTransport(DtlsCertificate certificate, Executor loop, Listener listener, Duration handshakeTimeout,
            HandshakeThreads handshakeThreads) {
        this.certificate = certificate;
        this.loop = loop;
        this.listener = listener;
        this.handshakeTimeoutNanos = handshakeTimeout.toNanos();
        this.handshakeThreads = handshakeThreads;
    }

    public DtlsState state() {
        return state;
    }

    /** The role given to run(), or null before it. */
    public DtlsRole role() {
        return role;
    }

    /**
     * Starts the handshake: CONNECTING at once. A client sends its ClientHello now; a server waits
     * for the first datagram, without holding a thread until then.
     */
    public void run(DtlsRole localRole, DtlsFingerprint remoteFingerprint) {
        if (state != DtlsState.NEW || closed) {
            throw new IllegalStateException("DTLS transport already run");
        }
        role = localRole;
        transport = new QueuedDatagramTransport(this::sendToPeer, handshakeTimeoutNanos);
        QueuedDatagramTransport handshakeTransport = transport;
        outcome = new HandshakeOutcome(localRole, remoteFingerprint, handshakeTransport::mute);
        state = DtlsState.CONNECTING;
        post(listener::onDtlsConnecting);
        if (localRole == DtlsRole.CLIENT) {
            startHandshake();
        }
    }

    /**
     * A DTLS datagram from the peer (its readable bytes, copied; the caller keeps the buffer).
     * False if dropped: not CONNECTING or CONNECTED, a record of the reserved version, or too
     * many waiting for the handshake thread.
     */
    public boolean handleDatagram(ByteBuf datagram) {
        if (closed || (state != DtlsState.CONNECTING && state != DtlsState.CONNECTED) || hasReservedVersion(datagram)) {
            return false;
        }
        if (!transport.offer(ByteBufUtil.getBytes(datagram))) {
            return false;
        }
        if (state == DtlsState.CONNECTED) {
            readRecords();
        } else if (handshake == null) {
            startHandshake();
        }
        return true;
    }

    /**
     * Sends application data in one record; false (and nothing sent) unless CONNECTED, or when
     * {@code data} is empty or larger than {@link #maxApplicationDataSize()}.
     */
    public boolean send(byte[] data) {
        if (closed || state != DtlsState.CONNECTED || data.length == 0 || data.length > maxApplicationDataSize()) {
            return false;
        }
        try {
            connection.send(data, 0, data.length);
            return true;
        } catch (IOException failure) {
            connectionLost();
            return false;
        }
    }

    /** The largest application data that fits one record in our MTU; 0 unless CONNECTED. */
    public int maxApplicationDataSize() {
        if (state != DtlsState.CONNECTED) {
            return 0;
        }
        try {
            return connection.getSendLimit();
        } catch (IOException unexpected) {
            return 0;
        }
    }

    /**
     * Ends the transport: a connected one sends close_notify (through the listener, before this
     * returns), a handshake under way is abandoned without an alert and its thread ends.
     */
    public void close() {
        if (closed) {
            return;
        }
        if (state == DtlsState.CONNECTED) {
            closing = true;
            try {
                connection.close();
            } catch (IOException ignored) {
                // The peer is going away: nothing more to do with an error on the way out.
            } finally {
                closing = false;
            }
        }
        closed = true;
        if (transport != null) {
            transport.close();
        }
        state = DtlsState.CLOSED;
    }

    /** The handshake's task, for tests that check its thread has ended. */
    Future<?> handshakeTask() {
        return handshake;
    }

    private void startHandshake() {
        QueuedDatagramTransport handshakeTransport = transport;
        HandshakeOutcome handshakeOutcome = outcome;
        DtlsRole handshakeRole = role;
        handshakeTransport.startDeadline();
        handshake = handshakeThreads.submit(() -> handshake(handshakeRole, handshakeTransport, handshakeOutcome));
        if (handshake == null) {
            handshake = CompletableFuture.completedFuture(null);
            loop.execute(() -> handshakeFailed(POOL_FULL));
        }
    }

    /** Runs on a handshake thread; reports back to the loop. */
    private void handshake(DtlsRole handshakeRole, QueuedDatagramTransport handshakeTransport,
            HandshakeOutcome handshakeOutcome) {
        try {
            DtlsIdentity identity = certificate.identity();
            org.bouncycastle.tls.DTLSTransport established = handshakeRole == DtlsRole.CLIENT
                    ? new DTLSClientProtocol().connect(new DtlsSrtpClient(identity, handshakeOutcome), handshakeTransport)
                    : new DTLSServerProtocol().accept(new DtlsSrtpServer(identity, handshakeOutcome), handshakeTransport);
            loop.execute(() -> connected(established));
        } catch (IOException | RuntimeException failure) {
            String reason = handshakeOutcome.failure() != null ? handshakeOutcome.failure() : describe(failure);
            loop.execute(() -> handshakeFailed(reason));
        }
    }

    private void connected(org.bouncycastle.tls.DTLSTransport established) {
        if (closed || state != DtlsState.CONNECTING) {
            return;
        }
        connection = established;
        receiveBuffer = new byte[QueuedDatagramTransport.RECEIVE_LIMIT];
        transport.stopBlocking();
        state = DtlsState.CONNECTED;
        listener.onDtlsConnected(outcome.srtpKeys(), outcome.remoteCertificatePem());
        readRecords();
    }

    private void handshakeFailed(String reason) {
        if (closed || state != DtlsState.CONNECTING) {
            return;
        }
        state = DtlsState.FAILED;
        transport.close();
        listener.onDtlsFailed(reason);
    }

    /** Reads every record queued for the connection, on the loop: bctls answers WouldBlock when done. */
    private void readRecords() {
        while (!closed && state == DtlsState.CONNECTED) {
            int length;
            try {
                length = connection.receive(receiveBuffer, 0, receiveBuffer.length, 0);
            } catch (QueuedDatagramTransport.WouldBlock drained) {
                return;
            } catch (IOException failure) {
                connectionLost();
                return;
            }
            if (length > 0) {
                byte[] data = Arrays.copyOf(receiveBuffer, length);
                post(() -> listener.onDtlsApplicationData(data));
            }
            if (outcome.closeNotifyReceived()) {
                connectionLost();
                return;
            }
        }
    }

    /** As the C++ worker: once connected, a close_notify or any fatal error means CLOSED. */
    private void connectionLost() {
        state = DtlsState.CLOSED;
        transport.close();
        post(listener::onDtlsClosed);
    }

    /**
     * Whether a record of the datagram claims version {0xFE, 0xFE}, which bctls refuses with an
     * exception that fails the association (OpenSSL in the C++ worker drops such a record).
     */
    private static boolean hasReservedVersion(ByteBuf datagram) {
        int record = datagram.readerIndex();
        int end = datagram.writerIndex();
        while (end - record >= RECORD_HEADER_SIZE) {
            if (datagram.getUnsignedShort(record + 1) == 0xFEFE) {
                return true;
            }
            record += RECORD_HEADER_SIZE + datagram.getUnsignedShort(record + RECORD_HEADER_SIZE - 2);
        }
        return false;
    }

    /** From bctls, on the handshake thread or the loop. */
    private void sendToPeer(byte[] datagram) {
        if (closing) {
            listener.onDtlsSendData(datagram);
            return;
        }
        post(() -> listener.onDtlsSendData(datagram));
    }

    private void post(Runnable task) {
        loop.execute(() -> {
            if (!closed) {
                task.run();
            }
        });
    }

    /** Why a handshake failed, when HandshakeOutcome did not already say (a timeout, an alert we raised). */
    private static String describe(Exception failure) {
        if (failure instanceof TlsTimeoutException) {
            return "DTLS handshake timed out: " + failure.getMessage();
        }
        return "DTLS handshake failed: " + failure.getMessage();
    }
}
