package io.jmediasoup.benchmarks;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import io.jmediasoup.rtp.srtp.SrtpSession;
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

/**
 * SRTP on one 1,212-byte RTP packet (12-byte header, 1,200-byte payload) in a pooled direct
 * buffer, the next sequence number each time: {@link #write} puts the clear packet in the
 * buffer (the floor), {@link #protect} writes and protects it in place, {@link #protectInto}
 * protects it into a second buffer as a transport does for a packet that goes on to other
 * consumers, {@link #protectAndUnprotect} protects it in place and unprotects it with the
 * receiving session. An unprotect needs a packet protected with a
 * new index (the replay list refuses the same one twice), so its cost is the difference of
 * the last two. Each runs on every engine ({@link #engine}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Dio.netty.allocator.useCacheForAllThreads=true"})
@State(Scope.Thread)
public class SrtpBenchmark {
    private static final int PAYLOAD_LENGTH = 1200;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
    public String profile;

    /**
     * openssl: the JNI shim on the direct buffer's memory, AES on ipsec-mb where it was built
     * with it; evp: the same with AES on OpenSSL's EVP; java: the same sessions with the shim
     * turned off (JCE).
     */
    @Param({"openssl", "evp", "java"})
    public String engine;

    private SrtpSession sender;
    private SrtpSession receiver;
    private ByteBuf packet;
    private ByteBuf wire;
    private final byte[] clear = new byte[12 + PAYLOAD_LENGTH];
    private int seq;
    private long refused;

    @Setup(Level.Trial)
    public void prepare() {
        System.setProperty("jmediasoup.srtp.openssl", Boolean.toString(!engine.equals("java")));
        System.setProperty("jmediasoup.srtp.ipsecmb", Boolean.toString(engine.equals("openssl")));
        if (!engine.equals("java") && !SrtpSession.usesOpenSsl()) {
            throw new IllegalStateException("the OpenSSL shim is not loaded");
        }
        System.out.println("AES on " + SrtpSession.aesLibrary());
        SrtpProfile suite = SrtpProfile.valueOf(profile);
        byte[] material = new byte[suite.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (31 * i + 5);
        }
        sender = SrtpSession.outbound(suite, material);
        receiver = SrtpSession.inbound(suite, material);
        clear[0] = (byte) 0x80;
        clear[1] = 96;
        clear[8] = 0x12;
        clear[11] = 0x34;
        for (int i = 12; i < clear.length; i++) {
            clear[i] = (byte) i;
        }
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(clear.length + suite.maxTrailerLength());
        wire = PooledByteBufAllocator.DEFAULT.directBuffer(clear.length + suite.maxTrailerLength());
        if (!protectAndUnprotect() || packet.readableBytes() != clear.length) {
            throw new IllegalStateException("the receiving session refuses what the sending one protects");
        }
    }

    @TearDown(Level.Trial)
    public void release() {
        packet.release();
        wire.release();
        if (refused > 0) {
            throw new IllegalStateException(refused + " packets refused: the figures are not of unprotect");
        }
    }

    private void writeNext() {
        seq = (seq + 1) & 0xFFFF;
        clear[2] = (byte) (seq >>> 8);
        clear[3] = (byte) seq;
        packet.clear().writeBytes(clear);
    }

    @Benchmark
    public ByteBuf write() {
        writeNext();
        return packet;
    }

    @Benchmark
    public boolean protect() {
        writeNext();
        return sender.protectRtp(packet);
    }

    @Benchmark
    public boolean protectInto() {
        writeNext();
        return sender.protectRtp(packet, wire.clear());
    }

    @Benchmark
    public boolean protectAndUnprotect() {
        writeNext();
        sender.protectRtp(packet);
        if (!receiver.unprotectRtp(packet)) {
            refused++;
            return false;
        }
        return true;
    }
}
