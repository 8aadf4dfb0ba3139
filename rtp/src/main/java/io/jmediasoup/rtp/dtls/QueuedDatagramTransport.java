package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The datagram side bctls reads and writes. Datagrams from the peer are queued by the event loop;
 * during the handshake bctls blocks on that queue in its own thread, afterwards the loop drives
 * bctls itself and an empty queue answers "would block" instead of waiting. What bctls sends goes
 * to {@code outgoing}, on whichever thread bctls runs.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    /** The C++ worker's DtlsMtu: records never exceed it, so no IP fragmentation is needed. */
    static final int MTU = 1350;
    /** A peer may send larger datagrams than we do (jumbo frames, loopback); beyond this they are dropped. */
    static final int RECEIVE_LIMIT = 8192;
    /** A peer flooding us during the handshake cannot make us buffer more than this. */
    private static final int QUEUE_CAPACITY = 64;
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> incoming = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<byte[]> outgoing;
    private final long timeoutNanos;
    private volatile boolean blocking = true;
    private volatile boolean muted;
    private volatile boolean closed;
    private long deadlineNanos;

    /** @param timeoutNanos how long the handshake may take in all before it fails */
    QueuedDatagramTransport(Consumer<byte[]> outgoing, long timeoutNanos) {
        this.outgoing = outgoing;
        this.timeoutNanos = timeoutNanos;
    }

    /** A datagram from the peer; false if dropped because too many are already waiting. */
    boolean offer(byte[] datagram) {
        return !closed && incoming.offer(datagram);
    }

    /** Starts the handshake's clock: called as it is handed to a thread, which may have to wait for one. */
    void startDeadline() {
        deadlineNanos = System.nanoTime() + timeoutNanos;
    }

    /** From now on the event loop reads through bctls, which must never wait. */
    void stopBlocking() {
        blocking = false;
    }

    /** Drops whatever bctls still wants to send (after a close_notify from the peer, or a timeout). */
    void mute() {
        muted = true;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        for (;;) {
            if (closed) {
                throw new InterruptedIOException("DTLS transport closed");
            }
            byte[] datagram = blocking ? take(waitMillis) : incoming.poll();
            if (datagram == null) {
                if (blocking) {
                    return -1;
                }
                throw new WouldBlock();
            }
            if (datagram != CLOSED && datagram.length <= len) {
                System.arraycopy(datagram, 0, buf, off, datagram.length);
                return datagram.length;
            }
        }
    }

    /** Waits as bctls asks, but not past the handshake's deadline; null if nothing came in time. */
    private byte[] take(int waitMillis) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            mute();
            throw new TlsTimeoutException("not done within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        long wait = waitMillis > 0 ? Math.min(TimeUnit.MILLISECONDS.toNanos(waitMillis), left) : left;
        try {
            return incoming.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS handshake interrupted");
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (!muted && !closed) {
            byte[] datagram = new byte[len];
            System.arraycopy(buf, off, datagram, 0, len);
            outgoing.accept(datagram);
        }
    }

    /** Also called by bctls when the record layer closes; wakes a handshake waiting in receive(). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            incoming.clear();
            incoming.offer(CLOSED);
        }
    }

    /**
     * Nothing queued while the event loop reads: bctls passes an InterruptedIOException through
     * untouched, without failing the connection.
     */
    static final class WouldBlock extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super("no DTLS datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
