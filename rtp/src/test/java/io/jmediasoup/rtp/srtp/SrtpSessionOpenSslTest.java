package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.BeforeAll;

/** The session tests on pooled direct buffers: the OpenSSL engine. */
class SrtpSessionOpenSslTest extends SrtpSessionTest {
    @BeforeAll
    static void openSslIsLoaded() {
        OpenSslEngine.assumeLoaded();
    }

    @Override
    ByteBuf allocate(int capacity) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(capacity);
        assertTrue(buffer.hasMemoryAddress(), "a direct buffer OpenSSL can work on");
        return buffer;
    }
}
