package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** Finds key frames in the payload of a video codec; audio and other codecs have none. */
public enum KeyFrameDetector {
    VP8 {
        @Override
        public boolean isKeyFrame(ByteBuf buffer, int index, int length) {
            return Vp8.isKeyFrame(buffer, index, length);
        }
    },
    VP9 {
        @Override
        public boolean isKeyFrame(ByteBuf buffer, int index, int length) {
            return Vp9.isKeyFrame(buffer, index, length);
        }
    },
    H264 {
        @Override
        public boolean isKeyFrame(ByteBuf buffer, int index, int length) {
            return io.jmediasoup.rtp.codecs.H264.isKeyFrame(buffer, index, length);
        }
    },
    NONE {
        @Override
        public boolean isKeyFrame(ByteBuf buffer, int index, int length) {
            return false;
        }

        @Override
        public boolean supportsKeyFrames() {
            return false;
        }
    };

    public abstract boolean isKeyFrame(ByteBuf buffer, int index, int length);

    public boolean supportsKeyFrames() {
        return true;
    }

    /** The detector for a MIME type such as "video/VP8" (case-insensitive). */
    public static KeyFrameDetector forMimeType(String mimeType) {
        switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "video/vp8":
                return VP8;
            case "video/vp9":
                return VP9;
            case "video/h264":
            case "video/h264-svc":
                return H264;
            default:
                return NONE;
        }
    }
}
