package io.jmediasoup.benchmarks;

import io.jmediasoup.channel.Netstring;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Requests exactly as the mediasoup 3.8.4 Node library writes them to the channel. */
final class ChannelRequests {
    /** {@code worker.dump} has neither internal nor data: JSON.stringify drops both. */
    static final String WORKER_DUMP = "{\"id\":12,\"method\":\"worker.dump\"}";

    /**
     * A VP8 simulcast producer as mediasoup-client sends it from Chrome (three rids, RTX,
     * seven header extensions), with the rtpMapping the library's ortc.js computes for it.
     */
    static final String TRANSPORT_PRODUCE = """
            {"id":345,"method":"transport.produce","internal":{"routerId":"1fd2b4ea-5a26-4f2d-9d2e-6a4b8c0a8f11",\
            "transportId":"6a1f2e5c-3d4b-4c8a-9e7f-2b1d0c9e8f7a","producerId":"0c6f8a2e-1b3d-4e5f-8a9b-7c6d5e4f3a2b"},\
            "data":{"kind":"video","rtpParameters":{"mid":"0","codecs":[{"mimeType":"video/VP8","payloadType":96,\
            "clockRate":90000,"parameters":{},"rtcpFeedback":[{"type":"goog-remb","parameter":""},\
            {"type":"transport-cc","parameter":""},{"type":"ccm","parameter":"fir"},{"type":"nack","parameter":""},\
            {"type":"nack","parameter":"pli"}]},{"mimeType":"video/rtx","payloadType":97,"clockRate":90000,\
            "parameters":{"apt":96},"rtcpFeedback":[]}],"headerExtensions":[\
            {"uri":"urn:ietf:params:rtp-hdrext:sdes:mid","id":4,"encrypt":false,"parameters":{}},\
            {"uri":"urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id","id":10,"encrypt":false,"parameters":{}},\
            {"uri":"urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id","id":11,"encrypt":false,"parameters":{}},\
            {"uri":"http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time","id":2,"encrypt":false,"parameters":{}},\
            {"uri":"http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01","id":3,"encrypt":false,\
            "parameters":{}},{"uri":"urn:3gpp:video-orientation","id":13,"encrypt":false,"parameters":{}},\
            {"uri":"urn:ietf:params:rtp-hdrext:toffset","id":14,"encrypt":false,"parameters":{}}],"encodings":[\
            {"active":true,"maxBitrate":100000,"rid":"r0","scalabilityMode":"S1T3","scaleResolutionDownBy":4},\
            {"active":true,"maxBitrate":300000,"rid":"r1","scalabilityMode":"S1T3","scaleResolutionDownBy":2},\
            {"active":true,"maxBitrate":900000,"rid":"r2","scalabilityMode":"S1T3","scaleResolutionDownBy":1}],\
            "rtcp":{"cname":"Qnl6Vd8lQwGkt2xD","reducedSize":true}},"rtpMapping":{"codecs":[\
            {"payloadType":96,"mappedPayloadType":101},{"payloadType":97,"mappedPayloadType":102}],"encodings":[\
            {"mappedSsrc":226992401,"rid":"r0","scalabilityMode":"S1T3"},\
            {"mappedSsrc":226992402,"rid":"r1","scalabilityMode":"S1T3"},\
            {"mappedSsrc":226992403,"rid":"r2","scalabilityMode":"S1T3"}]},"keyFrameRequestDelay":0,"paused":false}}""";

    private ChannelRequests() {}

    static String byMethod(String method) {
        return switch (method) {
            case "worker.dump" -> WORKER_DUMP;
            case "transport.produce" -> TRANSPORT_PRODUCE;
            default -> throw new IllegalArgumentException("no request for " + method);
        };
    }

    /** One read from the channel socket holding {@code frames} copies of {@code request}; the caller owns it. */
    static ByteBuf read(ByteBufAllocator allocator, String request, int frames) {
        ByteBuf frame = Netstring.encode(allocator, request);
        try {
            ByteBuf read = allocator.directBuffer(frame.readableBytes() * frames);
            for (int i = 0; i < frames; i++) {
                read.writeBytes(frame, frame.readerIndex(), frame.readableBytes());
            }
            return read;
        } finally {
            frame.release();
        }
    }
}
