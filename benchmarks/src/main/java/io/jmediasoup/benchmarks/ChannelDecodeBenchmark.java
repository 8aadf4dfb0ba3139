package io.jmediasoup.benchmarks;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.Json;
import io.jmediasoup.channel.Netstring;
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
 * What one read from the channel costs: netstring decoding plus strict JSON parsing of each
 * request it carries, for a small request and a ~1.5 KB transport.produce, one or sixteen
 * frames per read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ChannelDecodeBenchmark {
    private static final String WORKER_DUMP = "{\"id\":12,\"method\":\"worker.dump\",\"internal\":{},\"data\":{}}";
    private static final String PRODUCE = "{\"id\":345,\"method\":\"transport.produce\",\"internal\":{"
            + "\"routerId\":\"1fd2b4ea-5a26-4f2d-9d2e-6a4b8c0a8f11\",\"transportId\":\"6a1f2e5c-3d4b-4c8a-9e7f-2b1d0c9e8f7a\","
            + "\"producerId\":\"0c6f8a2e-1b3d-4e5f-8a9b-7c6d5e4f3a2b\"},\"data\":{\"kind\":\"video\",\"rtpParameters\":{"
            + "\"mid\":\"1\",\"codecs\":[{\"mimeType\":\"video/VP8\",\"payloadType\":96,\"clockRate\":90000,\"parameters\":{},"
            + "\"rtcpFeedback\":[{\"type\":\"goog-remb\",\"parameter\":\"\"},{\"type\":\"transport-cc\",\"parameter\":\"\"},"
            + "{\"type\":\"ccm\",\"parameter\":\"fir\"},{\"type\":\"nack\",\"parameter\":\"\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]},"
            + "{\"mimeType\":\"video/rtx\",\"payloadType\":97,\"clockRate\":90000,\"parameters\":{\"apt\":96},\"rtcpFeedback\":[]}],"
            + "\"headerExtensions\":[{\"uri\":\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":4,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\",\"id\":10,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\",\"id\":11,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\",\"id\":2,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\",\"id\":3,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"urn:3gpp:video-orientation\",\"id\":13,\"encrypt\":false,\"parameters\":{}},"
            + "{\"uri\":\"urn:ietf:params:rtp-hdrext:toffset\",\"id\":14,\"encrypt\":false,\"parameters\":{}}],"
            + "\"encodings\":[{\"rid\":\"r0\",\"active\":true,\"maxBitrate\":100000,\"scaleResolutionDownBy\":4,\"scalabilityMode\":\"S1T3\"},"
            + "{\"rid\":\"r1\",\"active\":true,\"maxBitrate\":300000,\"scaleResolutionDownBy\":2,\"scalabilityMode\":\"S1T3\"},"
            + "{\"rid\":\"r2\",\"active\":true,\"maxBitrate\":900000,\"scaleResolutionDownBy\":1,\"scalabilityMode\":\"S1T3\"}],"
            + "\"rtcp\":{\"cname\":\"Qnl6Vd8lQwGkt2xD\",\"reducedSize\":true}},\"rtpMapping\":{\"codecs\":["
            + "{\"payloadType\":96,\"mappedPayloadType\":101},{\"payloadType\":97,\"mappedPayloadType\":102}],\"encodings\":["
            + "{\"rid\":\"r0\",\"scalabilityMode\":\"S1T3\",\"mappedSsrc\":117562901},"
            + "{\"rid\":\"r1\",\"scalabilityMode\":\"S1T3\",\"mappedSsrc\":117562902},"
            + "{\"rid\":\"r2\",\"scalabilityMode\":\"S1T3\",\"mappedSsrc\":117562903}]},\"paused\":false}}";

    @Param({"worker.dump", "transport.produce"})
    public String request;

    @Param({"1", "16"})
    public int framesPerRead;

    private final PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private ByteBuf read;
    private NetstringDecoder decoder;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void prepare(Blackhole blackhole) {
        sink = blackhole;
        read = allocator.directBuffer();
        for (int i = 0; i < framesPerRead; i++) {
            ByteBuf frame = Netstring.encode(allocator, request.equals("worker.dump") ? WORKER_DUMP : PRODUCE);
            read.writeBytes(frame);
            frame.release();
        }
        decoder = new NetstringDecoder(allocator, new NetstringDecoder.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                JsonObject json = Json.parseObject(payload);
                sink.consume(json);
            }

            @Override
            public void onMalformed(String reason) {
                throw new IllegalStateException(reason);
            }
        });
    }

    @TearDown(Level.Trial)
    public void release() {
        decoder.close();
        read.release();
    }

    /** One read from the socket, decoded and parsed; the result is per read, not per frame. */
    @Benchmark
    public void decodeAndParse() {
        decoder.feed(read.duplicate());
    }
}
