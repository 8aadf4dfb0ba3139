package io.jmediasoup.benchmarks;

import io.jmediasoup.worker.rtc.ForwardingFixture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
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
 * The worker's forwarding path for one received RTP packet (200-byte payload): parse, find
 * the producer and its stream, count, map payload type and SSRC, then for each of
 * {@link #consumers} consumers rewrite SSRC and sequence number, count, keep a copy for
 * retransmission (VP8 and VP9 with NACK; VP9 L3T3 to SVC consumers that select layers by the
 * payload descriptor) and send on loopback (sendmmsg per socket at the end of the
 * read batch). {@link #sendOnly} is the floor: the same number of datagrams of the same
 * bytes through the same batch with no RTP work, all from one socket (one sendmmsg). Scores are per read batch of {@link #packetsPerRead} packets; run with {@code -prof gc}
 * to see the allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Dio.netty.allocator.useCacheForAllThreads=true",
        "-Dio.netty.leakDetection.level=disabled"})
@State(Scope.Thread)
public class ForwardBenchmark {
    private static final long PRODUCER_SSRC = 1234;
    private static final int PAYLOAD_SIZE = 200;

    @Param({"opus", "vp8", "vp9svc"})
    public String codec;

    @Param({"1", "4"})
    public int consumers;

    /** Datagrams per read batch: the worker sends a batch's datagrams with one sendmmsg per socket at its end. */
    @Param({"1", "16"})
    public int packetsPerRead;

    private ForwardingFixture fixture;
    private ByteBuf datagram;
    private int seq;
    private long timestamp;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new ForwardingFixture(codec, consumers, PRODUCER_SSRC);
        fixture.holdLoop();
        datagram = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        datagram.release();
        fixture.close();
    }

    /** Writes the next packet of the stream, as the kernel writes a datagram into the receive buffer. */
    private ByteBuf nextPacket() {
        seq = (seq + 1) & 0xFFFF;
        datagram.clear();
        if (codec.equals("vp9svc")) {
            // Three packets a picture, one per spatial layer.
            int spatialLayer = seq % 3;
            if (spatialLayer == 0) {
                timestamp += 3000;
            }
            ForwardingFixture.writeVp9(datagram, seq, timestamp, PRODUCER_SSRC, spatialLayer, PAYLOAD_SIZE);
            return datagram;
        }
        timestamp += codec.equals("vp8") ? 3000 : 960;
        datagram.writeByte(0x80);
        datagram.writeByte(codec.equals("vp8") ? 96 : 100);
        datagram.writeShort(seq);
        datagram.writeInt((int) timestamp);
        datagram.writeInt((int) PRODUCER_SSRC);
        // A VP8 key frame start (S=1, P=0), so that every consumer forwards from the first packet on.
        datagram.writeByte(0x10);
        datagram.writeByte(0x00);
        datagram.writeZero(PAYLOAD_SIZE - 2);
        return datagram;
    }

    @Benchmark
    public void forward() {
        fixture.beginRead();
        for (int i = 0; i < packetsPerRead; i++) {
            fixture.receive(nextPacket());
        }
        fixture.endRead();
    }

    @Benchmark
    public void sendOnly() {
        fixture.beginRead();
        for (int i = 0; i < packetsPerRead; i++) {
            fixture.sendRaw(nextPacket(), consumers);
        }
        fixture.endRead();
    }
}
