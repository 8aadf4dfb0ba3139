package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out unpooled direct buffers and remembers them, so a test can assert that the code
 * under test released everything it allocated: paranoid leak detection only logs a leak, and
 * only once the garbage collector has found it.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {
    /** Unpooled, so a released buffer is never recycled into a live one that would hide a leak. */
    private static final UnpooledByteBufAllocator UNPOOLED = new UnpooledByteBufAllocator(true, true);

    private final List<ByteBuf> allocated = new ArrayList<>();

    TrackingAllocator() {
        super(true);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(UNPOOLED.heapBuffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(UNPOOLED.directBuffer(initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        return toLeakAwareBuffer(buffer);
    }

    /** The capacity of the buffers still referenced: what the code under test holds now. */
    long liveBytes() {
        return allocated.stream().filter(buffer -> buffer.refCnt() > 0).mapToLong(ByteBuf::capacity).sum();
    }

    void assertAllReleased() {
        for (int i = 0; i < allocated.size(); i++) {
            assertEquals(0, allocated.get(i).refCnt(), "buffer #" + i + " of " + allocated.size() + " is still referenced");
        }
    }
}
