package io.jmediasoup.rtp.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/** The session tests on heap buffers: the Java engine (JCE), whether or not OpenSSL is loaded. */
class SrtpSessionJavaTest extends SrtpSessionTest {
    @Override
    ByteBuf allocate(int capacity) {
        return PooledByteBufAllocator.DEFAULT.heapBuffer(capacity);
    }
}
