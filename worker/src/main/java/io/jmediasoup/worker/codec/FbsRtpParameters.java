package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.CodecParameters;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtcpFeedback;
import io.jmediasoup.worker.rtc.params.RtcpParameters;
import io.jmediasoup.worker.rtc.params.RtpCodecMimeType;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mediasoup 3.32's FBS.RtpParameters tables read into our params types, validated with the
 * C++ worker's texts, and written back for dumps.
 */
final class FbsRtpParameters {
    private FbsRtpParameters() {}

    /** FBS.RtpParameters.RtpHeaderExtensionUri by value. */
    private static final List<String> URIS = List.of(
            "urn:ietf:params:rtp-hdrext:sdes:mid",
            "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension",
            "urn:3gpp:video-orientation",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time",
            "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
            "urn:mediasoup:params:rtp-hdrext:packet-id");

    /** The SDES item that carries the CNAME has an 8-bit length. */
    private static final int MAX_CNAME_LENGTH = 255;

    static MediaKind kind(int kind) {
        return kind == FBS.RtpParameters.MediaKind.VIDEO ? MediaKind.VIDEO : MediaKind.AUDIO;
    }

    static int kind(MediaKind kind) {
        return kind == MediaKind.VIDEO ? FBS.RtpParameters.MediaKind.VIDEO : FBS.RtpParameters.MediaKind.AUDIO;
    }

    static RtpParameters.Type type(int type) {
        switch (type) {
            case FBS.RtpParameters.Type.SIMPLE:
                return RtpParameters.Type.SIMPLE;
            case FBS.RtpParameters.Type.SIMULCAST:
                return RtpParameters.Type.SIMULCAST;
            case FBS.RtpParameters.Type.SVC:
                return RtpParameters.Type.SVC;
            case FBS.RtpParameters.Type.PIPE:
                return RtpParameters.Type.PIPE;
            default:
                throw new MediasoupTypeError("invalid consumer type");
        }
    }

    static int type(RtpParameters.Type type) {
        switch (type) {
            case SIMULCAST:
                return FBS.RtpParameters.Type.SIMULCAST;
            case SVC:
                return FBS.RtpParameters.Type.SVC;
            case PIPE:
                return FBS.RtpParameters.Type.PIPE;
            default:
                return FBS.RtpParameters.Type.SIMPLE;
        }
    }

    static RtpParameters rtpParameters(FBS.RtpParameters.RtpParameters fbs) {
        if (fbs == null) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        List<RtpCodecParameters> codecs = new ArrayList<>();
        for (int i = 0; i < fbs.codecsLength(); i++) {
            codecs.add(codec(fbs.codecs(i)));
        }
        List<RtpHeaderExtensionParameters> headerExtensions = new ArrayList<>();
        for (int i = 0; i < fbs.headerExtensionsLength(); i++) {
            FBS.RtpParameters.RtpHeaderExtensionParameters extension = fbs.headerExtensions(i);
            if (extension.id() == 0) {
                throw new MediasoupTypeError("invalid id 0");
            }
            int uri = extension.uri() & 0xFF;
            if (uri >= URIS.size()) {
                throw new MediasoupTypeError("invalid header extension URI " + uri);
            }
            headerExtensions.add(new RtpHeaderExtensionParameters(URIS.get(uri), extension.id(), extension.encrypt(),
                    parameters(extension.parametersLength(), extension::parameters)));
        }
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        for (int i = 0; i < fbs.encodingsLength(); i++) {
            encodings.add(encoding(fbs.encodings(i)));
        }
        String mid = fbs.mid();
        String msid = fbs.msid();
        return RtpParameters.of(mid != null ? mid : "", codecs, encodings, headerExtensions, rtcp(fbs.rtcp()),
                msid != null ? msid : "");
    }

    private static RtpCodecParameters codec(FBS.RtpParameters.RtpCodecParameters codec) {
        if (codec.mimeType() == null) {
            throw new MediasoupTypeError("missing mimeType");
        }
        // The C++ worker refuses a MIME type it does not know before looking at the other members.
        RtpCodecMimeType.parse(codec.mimeType(), RtpCodecMimeType.Era.MEDIASOUP_3_32);
        List<RtcpFeedback> feedback = new ArrayList<>();
        for (int i = 0; i < codec.rtcpFeedbackLength(); i++) {
            FBS.RtpParameters.RtcpFeedback entry = codec.rtcpFeedback(i);
            if (entry.type() == null) {
                throw new MediasoupTypeError("missing type");
            }
            feedback.add(new RtcpFeedback(entry.type(), entry.parameter() != null ? entry.parameter() : ""));
        }
        return RtpCodecParameters.of(codec.mimeType(), codec.payloadType(), codec.clockRate(),
                codec.hasChannels() ? codec.channels() : 1, parameters(codec.parametersLength(), codec::parameters),
                feedback);
    }

    private static CodecParameters parameters(int count, java.util.function.IntFunction<FBS.RtpParameters.Parameter> get) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            FBS.RtpParameters.Parameter parameter = get.apply(i);
            Object value = value(parameter);
            if (parameter.name() != null && value != null) {
                values.put(parameter.name(), value);
            }
        }
        return CodecParameters.of(values);
    }

    /** A parameter's value as CodecParameters keeps it; null for a kind it drops or a value that is not there. */
    private static Object value(FBS.RtpParameters.Parameter parameter) {
        switch (parameter.valueType()) {
            case FBS.RtpParameters.Value.Boolean: {
                FBS.RtpParameters.Boolean value = (FBS.RtpParameters.Boolean) parameter.value(new FBS.RtpParameters.Boolean());
                return value != null ? value.value() != 0 : null;
            }
            case FBS.RtpParameters.Value.Integer32: {
                FBS.RtpParameters.Integer32 value =
                        (FBS.RtpParameters.Integer32) parameter.value(new FBS.RtpParameters.Integer32());
                return value != null ? (Object) (long) value.value() : null;
            }
            case FBS.RtpParameters.Value.Double: {
                FBS.RtpParameters.Double value = (FBS.RtpParameters.Double) parameter.value(new FBS.RtpParameters.Double());
                return value != null ? (Object) value.value() : null;
            }
            case FBS.RtpParameters.Value.String: {
                FBS.RtpParameters.String value = (FBS.RtpParameters.String) parameter.value(new FBS.RtpParameters.String());
                return value != null ? value.value() : null;
            }
            case FBS.RtpParameters.Value.Integer32Array: {
                FBS.RtpParameters.Integer32Array array =
                        (FBS.RtpParameters.Integer32Array) parameter.value(new FBS.RtpParameters.Integer32Array());
                if (array == null) {
                    return null;
                }
                List<Long> items = new ArrayList<>();
                for (int i = 0; i < array.valueLength(); i++) {
                    items.add((long) array.value(i));
                }
                return items;
            }
            default:
                return null;
        }
    }

    static RtpEncodingParameters encoding(FBS.RtpParameters.RtpEncodingParameters encoding) {
        FBS.RtpParameters.Rtx rtx = encoding.rtx();
        String rid = encoding.rid();
        // The C++ worker keeps maxBitrate as a signed 64-bit integer.
        long maxBitrate = encoding.hasMaxBitrate() ? Math.max(0, encoding.maxBitrate()) : 0;
        return RtpEncodingParameters.of(encoding.hasSsrc() ? encoding.ssrc() : 0, rid != null ? rid : "",
                encoding.hasCodecPayloadType() ? encoding.codecPayloadType() : -1, rtx != null ? rtx.ssrc() : 0,
                rtx != null, maxBitrate, 0, encoding.dtx(), encoding.scalabilityMode());
    }

    private static RtcpParameters rtcp(FBS.RtpParameters.RtcpParameters rtcp) {
        if (rtcp == null || rtcp.cname() == null) {
            throw new MediasoupTypeError("missing cname");
        }
        if (rtcp.cname().isEmpty()) {
            throw new MediasoupTypeError("empty cname");
        }
        if (rtcp.cname().length() > MAX_CNAME_LENGTH) {
            throw new MediasoupTypeError("cname too long [len:" + rtcp.cname().length() + ", max len:"
                    + MAX_CNAME_LENGTH + "]");
        }
        return new RtcpParameters(rtcp.cname(), 0, rtcp.reducedSize());
    }

    /** A producer's RTP mapping, checked as the C++ worker's Producer checks it. */
    static RtpMapping rtpMapping(FBS.RtpParameters.RtpMapping fbs, boolean hasMid) {
        if (fbs == null) {
            throw new MediasoupTypeError("missing rtpMapping");
        }
        Map<Integer, Integer> codecs = new LinkedHashMap<>();
        for (int i = 0; i < fbs.codecsLength(); i++) {
            FBS.RtpParameters.CodecMapping codec = fbs.codecs(i);
            codecs.put(codec.payloadType(), codec.mappedPayloadType());
        }
        int count = fbs.encodingsLength();
        List<RtpMapping.Encoding> encodings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FBS.RtpParameters.EncodingMapping encoding = fbs.encodings(i);
            boolean hasRid = encoding.rid() != null;
            if (count > 1 && !encoding.hasSsrc() && !hasRid) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.encodings (missing ssrc or rid)");
            }
            if (!hasMid && count == 1 && !encoding.hasSsrc() && !hasRid) {
                throw new MediasoupTypeError(
                        "wrong entry in rtpMapping.encodings (missing ssrc or rid, or rtpParameters.mid)");
            }
            if (encoding.mappedSsrc() == 0) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.encodings (missing mappedSsrc)");
            }
            encodings.add(new RtpMapping.Encoding(encoding.ssrc(), encoding.rid(), encoding.mappedSsrc()));
        }
        return new RtpMapping(codecs, List.copyOf(encodings));
    }

    static int rtpParameters(FlatBufferBuilder builder, RtpParameters parameters) {
        int[] codecs = new int[parameters.codecs().size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = codec(builder, parameters.codecs().get(i));
        }
        int codecsOffset = FBS.RtpParameters.RtpParameters.createCodecsVector(builder, codecs);
        int[] extensions = new int[parameters.headerExtensions().size()];
        for (int i = 0; i < extensions.length; i++) {
            RtpHeaderExtensionParameters extension = parameters.headerExtensions().get(i);
            int parametersOffset = FBS.RtpParameters.RtpHeaderExtensionParameters.createParametersVector(builder,
                    parameters(builder, extension.parameters()));
            extensions[i] = FBS.RtpParameters.RtpHeaderExtensionParameters.createRtpHeaderExtensionParameters(builder,
                    (byte) Math.max(0, URIS.indexOf(extension.uri())), extension.id(), extension.encrypt(),
                    parametersOffset);
        }
        int extensionsOffset = FBS.RtpParameters.RtpParameters.createHeaderExtensionsVector(builder, extensions);
        int encodingsOffset = FBS.RtpParameters.RtpParameters.createEncodingsVector(builder,
                encodings(builder, parameters.encodings()));
        int rtcpOffset = parameters.rtcp() != null
                ? FBS.RtpParameters.RtcpParameters.createRtcpParameters(builder,
                        builder.createString(parameters.rtcp().cname()), parameters.rtcp().reducedSize())
                : FBS.RtpParameters.RtcpParameters.createRtcpParameters(builder, 0, true);
        int midOffset = parameters.mid().isEmpty() ? 0 : builder.createString(parameters.mid());
        int msidOffset = parameters.msid().isEmpty() ? 0 : builder.createString(parameters.msid());
        return FBS.RtpParameters.RtpParameters.createRtpParameters(builder, midOffset, codecsOffset, extensionsOffset,
                encodingsOffset, rtcpOffset, msidOffset);
    }

    private static int codec(FlatBufferBuilder builder, RtpCodecParameters codec) {
        int mimeType = builder.createString(codec.mimeType().toString());
        int parameters = FBS.RtpParameters.RtpCodecParameters.createParametersVector(builder,
                parameters(builder, codec.parameters()));
        int[] feedback = new int[codec.rtcpFeedback().size()];
        for (int i = 0; i < feedback.length; i++) {
            RtcpFeedback entry = codec.rtcpFeedback().get(i);
            // No parameter is none, as the C++ worker writes it.
            feedback[i] = FBS.RtpParameters.RtcpFeedback.createRtcpFeedback(builder, builder.createString(entry.type()),
                    entry.parameter().isEmpty() ? 0 : builder.createString(entry.parameter()));
        }
        int feedbackOffset = FBS.RtpParameters.RtpCodecParameters.createRtcpFeedbackVector(builder, feedback);
        FBS.RtpParameters.RtpCodecParameters.startRtpCodecParameters(builder);
        FBS.RtpParameters.RtpCodecParameters.addMimeType(builder, mimeType);
        FBS.RtpParameters.RtpCodecParameters.addPayloadType(builder, codec.payloadType());
        FBS.RtpParameters.RtpCodecParameters.addClockRate(builder, codec.clockRate());
        if (codec.channels() > 1) {
            FBS.RtpParameters.RtpCodecParameters.addChannels(builder, codec.channels());
        }
        FBS.RtpParameters.RtpCodecParameters.addParameters(builder, parameters);
        FBS.RtpParameters.RtpCodecParameters.addRtcpFeedback(builder, feedbackOffset);
        return FBS.RtpParameters.RtpCodecParameters.endRtpCodecParameters(builder);
    }

    @SuppressWarnings("unchecked")
    private static int[] parameters(FlatBufferBuilder builder, CodecParameters parameters) {
        List<Integer> offsets = new ArrayList<>();
        for (Map.Entry<String, Object> entry : parameters.values().entrySet()) {
            int name = builder.createString(entry.getKey());
            Object value = entry.getValue();
            byte type;
            int offset;
            if (value instanceof Boolean flag) {
                type = FBS.RtpParameters.Value.Boolean;
                offset = FBS.RtpParameters.Boolean.createBoolean(builder, flag ? 1 : 0);
            } else if (value instanceof Long integer) {
                type = FBS.RtpParameters.Value.Integer32;
                offset = FBS.RtpParameters.Integer32.createInteger32(builder, integer.intValue());
            } else if (value instanceof Double number) {
                type = FBS.RtpParameters.Value.Double;
                offset = FBS.RtpParameters.Double.createDouble(builder, number);
            } else if (value instanceof String string) {
                type = FBS.RtpParameters.Value.String;
                offset = FBS.RtpParameters.String.createString(builder, builder.createString(string));
            } else {
                List<Long> items = (List<Long>) value;
                int[] ints = items.stream().mapToInt(Long::intValue).toArray();
                type = FBS.RtpParameters.Value.Integer32Array;
                offset = FBS.RtpParameters.Integer32Array.createInteger32Array(builder,
                        FBS.RtpParameters.Integer32Array.createValueVector(builder, ints));
            }
            offsets.add(FBS.RtpParameters.Parameter.createParameter(builder, name, type, offset));
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] encodings(FlatBufferBuilder builder, List<RtpEncodingParameters> encodings) {
        int[] offsets = new int[encodings.size()];
        for (int i = 0; i < offsets.length; i++) {
            RtpEncodingParameters encoding = encodings.get(i);
            int rid = encoding.rid().isEmpty() ? 0 : builder.createString(encoding.rid());
            int rtx = encoding.hasRtx() ? FBS.RtpParameters.Rtx.createRtx(builder, encoding.rtxSsrc()) : 0;
            int mode = encoding.scalabilityMode().isEmpty() ? 0 : builder.createString(encoding.scalabilityMode());
            FBS.RtpParameters.RtpEncodingParameters.startRtpEncodingParameters(builder);
            if (encoding.ssrc() != 0) {
                FBS.RtpParameters.RtpEncodingParameters.addSsrc(builder, encoding.ssrc());
            }
            if (rid != 0) {
                FBS.RtpParameters.RtpEncodingParameters.addRid(builder, rid);
            }
            if (encoding.codecPayloadType() >= 0) {
                Fbs.forced(builder, () -> FBS.RtpParameters.RtpEncodingParameters.addCodecPayloadType(builder,
                        encoding.codecPayloadType()));
            }
            if (rtx != 0) {
                FBS.RtpParameters.RtpEncodingParameters.addRtx(builder, rtx);
            }
            FBS.RtpParameters.RtpEncodingParameters.addDtx(builder, encoding.dtx());
            if (mode != 0) {
                FBS.RtpParameters.RtpEncodingParameters.addScalabilityMode(builder, mode);
            }
            if (encoding.maxBitrate() != 0) {
                FBS.RtpParameters.RtpEncodingParameters.addMaxBitrate(builder, encoding.maxBitrate());
            }
            offsets[i] = FBS.RtpParameters.RtpEncodingParameters.endRtpEncodingParameters(builder);
        }
        return offsets;
    }

    static int rtpMapping(FlatBufferBuilder builder, RtpMapping mapping) {
        int[] codecs = new int[mapping.codecs().size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> codec : mapping.codecs().entrySet()) {
            codecs[i++] = FBS.RtpParameters.CodecMapping.createCodecMapping(builder, codec.getKey(), codec.getValue());
        }
        int codecsOffset = FBS.RtpParameters.RtpMapping.createCodecsVector(builder, codecs);
        int[] encodings = new int[mapping.encodings().size()];
        for (int j = 0; j < encodings.length; j++) {
            RtpMapping.Encoding encoding = mapping.encodings().get(j);
            int rid = encoding.rid() != null && !encoding.rid().isEmpty() ? builder.createString(encoding.rid()) : 0;
            FBS.RtpParameters.EncodingMapping.startEncodingMapping(builder);
            if (rid != 0) {
                FBS.RtpParameters.EncodingMapping.addRid(builder, rid);
            }
            if (encoding.ssrc() != 0) {
                FBS.RtpParameters.EncodingMapping.addSsrc(builder, encoding.ssrc());
            }
            FBS.RtpParameters.EncodingMapping.addMappedSsrc(builder, encoding.mappedSsrc());
            encodings[j] = FBS.RtpParameters.EncodingMapping.endEncodingMapping(builder);
        }
        int encodingsOffset = FBS.RtpParameters.RtpMapping.createEncodingsVector(builder, encodings);
        return FBS.RtpParameters.RtpMapping.createRtpMapping(builder, codecsOffset, encodingsOffset);
    }
}
