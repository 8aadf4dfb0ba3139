package io.jmediasoup.benchmarks;

import io.jmediasoup.channel.Json;
import io.jmediasoup.channel.NetstringDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one read from the channel socket costs the worker: netstring decoding, and strict JSON
 * parsing of each request in it ({@link #decodeAndParse}) or decoding alone as the baseline
 * ({@link #decodeOnly}). Scores are per read, whatever the number of frames in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// As the worker runs: serial GC, and a pooled-buffer cache for the thread, which Netty only
// gives its own event-loop threads by default.
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Dio.netty.allocator.useCacheForAllThreads=true"})
@State(Scope.Thread)
public class ChannelDecodeBenchmark {
    private static final PooledByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    @Param({"worker.dump", "transport.produce"})
    public String request;

    @Param({"1", "16"})
    public int framesPerRead;

    private ByteBuf read;
    private FrameSink parsingSink;
    private FrameSink framingSink;
    private NetstringDecoder parsingDecoder;
    private NetstringDecoder framingDecoder;

    @Setup(Level.Trial)
    public void prepare(Blackhole blackhole) {
        read = ChannelRequests.read(ALLOCATOR, ChannelRequests.byMethod(request), framesPerRead);
        parsingSink = new FrameSink(true);
        framingSink = new FrameSink(false);
        parsingDecoder = new NetstringDecoder(ALLOCATOR, parsingSink);
        framingDecoder = new NetstringDecoder(ALLOCATOR, framingSink);
        // A fixture that did not decode would have the benchmarks measure nothing.
        feed(parsingDecoder, parsingSink, blackhole);
        feed(framingDecoder, framingSink, blackhole);
        if (parsingSink.frames != framesPerRead || framingSink.frames != framesPerRead) {
            throw new IllegalStateException("a read decodes to " + parsingSink.frames + " frames, not " + framesPerRead);
        }
    }

    @TearDown(Level.Trial)
    public void release() {
        parsingDecoder.close();
        framingDecoder.close();
        read.release();
    }

    @Benchmark
    public void decodeAndParse(Blackhole blackhole) {
        feed(parsingDecoder, parsingSink, blackhole);
    }

    @Benchmark
    public void decodeOnly(Blackhole blackhole) {
        feed(framingDecoder, framingSink, blackhole);
    }

    /** The read is fed again from its start; the decoder copies it, as it does a socket's. */
    private void feed(NetstringDecoder decoder, FrameSink sink, Blackhole blackhole) {
        sink.blackhole = blackhole;
        read.readerIndex(0);
        decoder.feed(read);
    }

    /** Hands each frame, parsed into a JsonObject or as it is, to the benchmark's Blackhole. */
    private static final class FrameSink implements NetstringDecoder.Listener {
        private final boolean parse;
        private Blackhole blackhole;
        private int frames;

        FrameSink(boolean parse) {
            this.parse = parse;
        }

        @Override
        public void onFrame(ByteBuf payload) {
            frames++;
            blackhole.consume(parse ? Json.parseObject(payload) : payload);
        }

        @Override
        public void onMalformed(String reason) {
            throw new IllegalStateException(reason);
        }
    }
}
