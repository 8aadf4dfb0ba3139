package io.jmediasoup.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.unix.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ring on a socket whose peer never reads (an AF_UNIX datagram pair, which unlike UDP on
 * loopback fills up): a send the socket cannot take completes inside the call with -EAGAIN,
 * so the loop never waits for a socket to drain, and what fits is sent.
 */
class IoUringTest {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int EAGAIN = 11;
    private static final int MESSAGES = 8;
    private static final int DATAGRAM = 1000;

    private final POSIX posix = POSIXFactory.getNativePOSIX();
    private final int[] pair = new int[2];
    private IoUring ring;
    /** MESSAGES struct mmsghdr, then their descriptors, then one iovec and the datagram they all send. */
    private final ByteBuffer memory = ByteBuffer.allocateDirect(MESSAGES * 64 + MESSAGES * 4 + 16 + DATAGRAM)
            .order(ByteOrder.nativeOrder());
    private final long address = Buffer.memoryAddress(memory);

    @BeforeEach
    void open() {
        ring = IoUring.open(MESSAGES);
        Assumptions.assumeTrue(ring != null, "this machine gives no io_uring: the worker runs on sendmmsg");
        assertEquals(0, posix.socketpair(AF_UNIX, SOCK_DGRAM, 0, pair));
        int iovec = MESSAGES * 64 + MESSAGES * 4;
        memory.putLong(iovec, address + iovec + 16);
        memory.putLong(iovec + 8, DATAGRAM);
        for (int i = 0; i < MESSAGES; i++) {
            memory.putLong(i * 64 + 16, address + iovec);
            memory.putLong(i * 64 + 24, 1);
            memory.putInt(MESSAGES * 64 + i * 4, pair[0]);
        }
    }

    @AfterEach
    void close() {
        if (ring != null) {
            ring.close();
            posix.close(pair[0]);
            posix.close(pair[1]);
        }
    }

    @Test
    void aSocketThatCannotTakeMoreCompletesWithEagainInsideTheCall() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int sent = 0;
            for (int call = 0; call < 10_000; call++) {
                assertEquals(0, ring.send(address, address + MESSAGES * 64, MESSAGES));
                for (int i = 0; i < MESSAGES; i++) {
                    int result = memory.getInt(i * 64 + 56);
                    if (result == -EAGAIN) {
                        assertTrue(sent > 0, "nothing was sent before the socket filled");
                        return;
                    }
                    assertEquals(DATAGRAM, result);
                    sent++;
                }
            }
            throw new AssertionError("the socket never filled: " + sent + " datagrams sent");
        });
    }
}
