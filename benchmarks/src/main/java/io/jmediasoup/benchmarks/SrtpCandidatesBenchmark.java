package io.jmediasoup.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jnr.ffi.LibraryLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK building blocks the SRTP engine could be made of, on a 1,200-byte payload in a heap
 * array, for choosing between them (benchmarks/README.md): AES-CM as the JCE's AES/CTR with an
 * init per packet or as AES/ECB over counter blocks prepared in a reused array; HMAC-SHA1 as
 * javax.crypto.Mac or over MessageDigest; AES-GCM as the JCE's cipher with an init per packet.
 * {@link #jnrFfiCall} is what one call costs through jnr-ffi (the FFI the worker already has),
 * which a per-packet EVP sequence would pay five to eight times.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@State(Scope.Thread)
public class SrtpCandidatesBenchmark {
    private static final int LENGTH = 1200;

    /** The one libc function the jnr-ffi call needs. */
    public interface LibC {
        int abs(int value);
    }

    private final byte[] data = new byte[LENGTH + 16];
    private final byte[] out = new byte[LENGTH + 16];
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[20];
    private final byte[] counters = new byte[LENGTH + 16];
    private final byte[] keystream = new byte[LENGTH + 16];
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private SecretKeySpec key;
    private Cipher ctr;
    private Cipher ecb;
    private Cipher gcm;
    private Mac hmac;
    private MessageDigest sha1;
    private LibC libc;
    private int counter;

    @Setup
    public void prepare() throws GeneralSecurityException {
        key = new SecretKeySpec(new byte[16], "AES");
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, key);
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
        sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 64; i++) {
            innerPad[i] = 0x36;
            outerPad[i] = 0x5c;
        }
        libc = LibraryLoader.create(LibC.class).load("c");
    }

    private byte[] nextIv() {
        counter++;
        iv[8] = (byte) (counter >>> 24);
        iv[9] = (byte) (counter >>> 16);
        iv[10] = (byte) (counter >>> 8);
        iv[11] = (byte) counter;
        return iv;
    }

    @Benchmark
    public int aesCtrInitPerPacket() throws GeneralSecurityException {
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nextIv()));
        return ctr.doFinal(data, 0, LENGTH, out, 0);
    }

    @Benchmark
    public byte[] aesEcbOverCounterBlocks() throws GeneralSecurityException {
        nextIv();
        for (int block = 0; block < LENGTH; block += 16) {
            System.arraycopy(iv, 0, counters, block, 14);
            counters[block + 14] = (byte) (block >>> 12);
            counters[block + 15] = (byte) (block >>> 4);
        }
        ecb.update(counters, 0, LENGTH, keystream, 0);
        for (int i = 0; i < LENGTH; i++) {
            data[i] ^= keystream[i];
        }
        return data;
    }

    @Benchmark
    public byte[] hmacSha1Mac() throws GeneralSecurityException {
        hmac.update(data, 0, LENGTH);
        hmac.doFinal(mac, 0);
        return mac;
    }

    @Benchmark
    public byte[] hmacSha1OverMessageDigest() throws GeneralSecurityException {
        sha1.update(innerPad);
        sha1.update(data, 0, LENGTH);
        sha1.digest(mac, 0, 20);
        sha1.update(outerPad);
        sha1.update(mac, 0, 20);
        sha1.digest(mac, 0, 20);
        return mac;
    }

    @Benchmark
    public int aesGcmInitPerPacket() throws GeneralSecurityException {
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nextIv(), 0, 12));
        gcm.updateAAD(data, 0, 12);
        return gcm.doFinal(data, 12, LENGTH - 12, out, 0);
    }

    @Benchmark
    public int jnrFfiCall() {
        return libc.abs(-counter++);
    }
}
