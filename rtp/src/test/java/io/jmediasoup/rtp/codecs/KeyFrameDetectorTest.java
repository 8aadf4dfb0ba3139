package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Key-frame detection on payload starts as VP8, VP9 and H264 packetizers write them. */
class KeyFrameDetectorTest {
    static Stream<Arguments> payloads() {
        return Stream.of(
                // VP8, RFC 7741: X=1 S=1 PID=0; I=1; 15-bit PictureID; payload header with P=0.
                Arguments.of("VP8 key frame, extended", "video/VP8", "9080" + "8001" + "3002009d012a", true),
                Arguments.of("VP8 delta frame", "video/VP8", "9080" + "8002" + "31", false),
                Arguments.of("VP8 key frame, continuation packet (S=0)", "video/VP8", "8080" + "8001" + "00", false),
                Arguments.of("VP8 key frame, partition 1", "video/VP8", "9180" + "8001" + "00", false),
                Arguments.of("VP8 key frame, short descriptor", "video/VP8", "10" + "3002009d012a", true),
                Arguments.of("VP8 key frame with TL0PICIDX and TID", "video/VP8", "90e0" + "8001" + "05" + "20" + "10",
                        true),
                Arguments.of("VP8 truncated descriptor", "video/VP8", "90", false),
                // VP9: I=1 P=0 L=0 F=0 B=1; 15-bit PictureID.
                Arguments.of("VP9 key frame", "video/VP9", "88" + "8001" + "82", true),
                Arguments.of("VP9 inter frame (P=1)", "video/VP9", "c8" + "8002" + "82", false),
                Arguments.of("VP9 key frame, spatial layer 1", "video/VP9", "a8" + "8001" + "02" + "00", false),
                Arguments.of("VP9 key frame, spatial layer 0 with L", "video/VP9", "a8" + "8001" + "00" + "00", true),
                // H264, RFC 6184.
                Arguments.of("H264 SPS", "video/H264", "6742c01f", true),
                Arguments.of("H264 IDR slice alone", "video/H264", "6588", false),
                Arguments.of("H264 STAP-A with SPS and PPS", "video/H264", "18" + "0004" + "6742c01f" + "0002" + "68ce",
                        true),
                Arguments.of("H264 STAP-A without SPS", "video/H264", "18" + "0002" + "68ce" + "0002" + "0601", false),
                Arguments.of("H264 FU-A start of SPS", "video/H264", "7c87" + "00", true),
                Arguments.of("H264 FU-A middle of SPS", "video/H264", "7c07" + "00", false),
                Arguments.of("H264 non-IDR slice", "video/h264", "4188", false),
                Arguments.of("Opus", "audio/opus", "fc", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void detectsKeyFrames(String name, String mimeType, String hex, boolean keyFrame) {
        ByteBuf payload = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("eeee" + hex));
        KeyFrameDetector detector = KeyFrameDetector.forMimeType(mimeType);
        assertEquals(keyFrame, detector.isKeyFrame(payload, 2, payload.readableBytes() - 2));
    }
}
