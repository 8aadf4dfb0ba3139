package io.jmediasoup.benchmarks;

import io.jmediasoup.worker.ProduceFixture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One VP8 simulcast producer (three rids, RTX) created and closed through each era's channel:
 * the request frame decoded (3.8: JSON parsed into a Request; 3.32: the FBS.Message read in
 * place), dispatched through the era's codec to the transport, the producer built, the answer
 * written as the channel writes it; then the close request, the same way, so that the next
 * operation can create the producer again. Framing (netstring or size prefix) is left out: it
 * is {@link ChannelDecodeBenchmark}'s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Dio.netty.allocator.useCacheForAllThreads=true"})
@State(Scope.Thread)
public class ProduceBenchmark {
    private static final PooledByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;
    private static final String PRODUCER_CLOSE = "{\"id\":346,\"method\":\"producer.close\",\"internal\":{\"routerId\":\""
            + FbsChannelRequests.ROUTER_ID + "\",\"transportId\":\"" + FbsChannelRequests.TRANSPORT_ID
            + "\",\"producerId\":\"" + FbsChannelRequests.PRODUCER_ID + "\"}}";

    /** 3.8: transport.produce and producer.close in JSON; 3.32: TRANSPORT_PRODUCE and TRANSPORT_CLOSE_PRODUCER. */
    @Param({"3.8", "3.32"})
    public String era;

    private ProduceFixture fixture;
    private ByteBuf jsonProduce;
    private ByteBuf jsonClose;
    private ByteBuffer fbsProduce;
    private ByteBuffer fbsClose;

    @Setup(Level.Trial)
    public void prepare() {
        fixture = new ProduceFixture(ALLOCATOR, FbsChannelRequests.ROUTER_ID, FbsChannelRequests.TRANSPORT_ID);
        jsonProduce = ALLOCATOR.directBuffer().writeBytes(ChannelRequests.TRANSPORT_PRODUCE.getBytes(StandardCharsets.UTF_8));
        jsonClose = ALLOCATOR.directBuffer().writeBytes(PRODUCER_CLOSE.getBytes(StandardCharsets.UTF_8));
        fbsProduce = direct(ProduceFixture.unprefixed(FbsChannelRequests.transportProduce(345)));
        fbsClose = direct(ProduceFixture.unprefixed(FbsChannelRequests.transportCloseProducer(346)));
        // A fixture whose requests were refused would have the benchmark measure error answers.
        produceAndClose(true);
    }

    @TearDown(Level.Trial)
    public void release() {
        fixture.close();
        jsonProduce.release();
        jsonClose.release();
    }

    @Benchmark
    public void produceAndClose() {
        produceAndClose(false);
    }

    private void produceAndClose(boolean check) {
        if (era.equals("3.8")) {
            fixture.json().request(jsonProduce.readerIndex(0));
            if (check) {
                fixture.json().checkAccepted("transport.produce");
            }
            fixture.json().request(jsonClose.readerIndex(0));
            if (check) {
                fixture.json().checkAccepted("producer.close");
            }
        } else {
            fixture.fbs().request(fbsProduce.duplicate());
            if (check) {
                fixture.fbs().checkAccepted("TRANSPORT_PRODUCE");
            }
            fixture.fbs().request(fbsClose.duplicate());
            if (check) {
                fixture.fbs().checkAccepted("TRANSPORT_CLOSE_PRODUCER");
            }
        }
    }

    /** A frame in direct memory, as the channel's socket read leaves it. */
    private static ByteBuffer direct(ByteBuffer frame) {
        ByteBuffer copy = ByteBuffer.allocateDirect(frame.remaining());
        copy.put(frame.duplicate()).flip();
        return copy;
    }
}
