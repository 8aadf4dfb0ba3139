package io.jmediasoup.benchmarks;

import FBS.RtpParameters.CodecMapping;
import FBS.RtpParameters.EncodingMapping;
import FBS.RtpParameters.Integer32;
import FBS.RtpParameters.Parameter;
import FBS.RtpParameters.RtcpFeedback;
import FBS.RtpParameters.RtcpParameters;
import FBS.RtpParameters.RtpCodecParameters;
import FBS.RtpParameters.RtpEncodingParameters;
import FBS.RtpParameters.RtpHeaderExtensionParameters;
import FBS.RtpParameters.RtpHeaderExtensionUri;
import FBS.RtpParameters.RtpMapping;
import FBS.RtpParameters.RtpParameters;
import FBS.RtpParameters.Value;
import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;

/**
 * Requests of mediasoup 3.32's channel, built with the generated FlatBuffers classes in the
 * order and with the fields the 3.32.2 Node library writes them: a size-prefixed
 * {@code FBS.Message} holding an {@code FBS.Request}.
 */
public final class FbsChannelRequests {
    /** The ids of {@link ChannelRequests#TRANSPORT_PRODUCE}, so that both eras address the same entities. */
    public static final String ROUTER_ID = "1fd2b4ea-5a26-4f2d-9d2e-6a4b8c0a8f11";
    public static final String TRANSPORT_ID = "6a1f2e5c-3d4b-4c8a-9e7f-2b1d0c9e8f7a";
    public static final String PRODUCER_ID = "0c6f8a2e-1b3d-4e5f-8a9b-7c6d5e4f3a2b";

    private static final String[] RIDS = {"r0", "r1", "r2"};
    private static final long[] MAX_BITRATES = {100000, 300000, 900000};
    private static final long FIRST_MAPPED_SSRC = 226992401L;

    private FbsChannelRequests() {}

    /**
     * The producer of {@link ChannelRequests#TRANSPORT_PRODUCE} as 3.32.2 sends it: VP8
     * simulcast (three rids, S1T3) with RTX. Six of the seven header extensions: 3.32's schema
     * has no URI for toffset, and its router never offers it. Encodings keep what the schema
     * holds (rid, scalabilityMode, maxBitrate), the mapping no scalability mode.
     */
    public static ByteBuffer transportProduce(long id) {
        FlatBufferBuilder builder = new FlatBufferBuilder(2048);
        int producerId = builder.createString(PRODUCER_ID);
        int rtpParameters = rtpParameters(builder);
        int rtpMapping = rtpMapping(builder);
        FBS.Transport.ProduceRequest.startProduceRequest(builder);
        FBS.Transport.ProduceRequest.addProducerId(builder, producerId);
        FBS.Transport.ProduceRequest.addKind(builder, FBS.RtpParameters.MediaKind.VIDEO);
        FBS.Transport.ProduceRequest.addRtpParameters(builder, rtpParameters);
        FBS.Transport.ProduceRequest.addRtpMapping(builder, rtpMapping);
        FBS.Transport.ProduceRequest.addPaused(builder, false);
        FBS.Transport.ProduceRequest.addKeyFrameRequestDelay(builder, 0);
        FBS.Transport.ProduceRequest.addEnableMediasoupPacketIdHeaderExtension(builder, false);
        int body = FBS.Transport.ProduceRequest.endProduceRequest(builder);
        return request(builder, id, FBS.Request.Method.TRANSPORT_PRODUCE, TRANSPORT_ID,
                FBS.Request.Body.Transport_ProduceRequest, body);
    }

    /** What {@code producer.close()} sends for {@link #transportProduce}'s producer. */
    public static ByteBuffer transportCloseProducer(long id) {
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        int body = FBS.Transport.CloseProducerRequest.createCloseProducerRequest(builder, builder.createString(PRODUCER_ID));
        return request(builder, id, FBS.Request.Method.TRANSPORT_CLOSE_PRODUCER, TRANSPORT_ID,
                FBS.Request.Body.Transport_CloseProducerRequest, body);
    }

    private static ByteBuffer request(FlatBufferBuilder builder, long id, int method, String handlerId, byte bodyType, int body) {
        int handler = builder.createString(handlerId);
        int request = FBS.Request.Request.createRequest(builder, id, method, handler, bodyType, body);
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Request, request));
        return builder.dataBuffer();
    }

    private static int rtpParameters(FlatBufferBuilder builder) {
        int vp8 = codec(builder, "video/VP8", 96, null, new String[][] {
            {"goog-remb", ""}, {"transport-cc", ""}, {"ccm", "fir"}, {"nack", ""}, {"nack", "pli"}});
        int rtx = codec(builder, "video/rtx", 97, 96, new String[0][]);
        int codecs = RtpParameters.createCodecsVector(builder, new int[] {vp8, rtx});

        int[][] extensions = {
            {RtpHeaderExtensionUri.Mid, 4}, {RtpHeaderExtensionUri.RtpStreamId, 10},
            {RtpHeaderExtensionUri.RepairRtpStreamId, 11}, {RtpHeaderExtensionUri.AbsSendTime, 2},
            {RtpHeaderExtensionUri.TransportWideCcDraft01, 3}, {RtpHeaderExtensionUri.VideoOrientation, 13}};
        int[] extensionOffsets = new int[extensions.length];
        for (int i = 0; i < extensions.length; i++) {
            int parameters = RtpCodecParameters.createParametersVector(builder, new int[0]);
            extensionOffsets[i] = RtpHeaderExtensionParameters.createRtpHeaderExtensionParameters(
                    builder, extensions[i][0], extensions[i][1], false, parameters);
        }
        int headerExtensions = RtpParameters.createHeaderExtensionsVector(builder, extensionOffsets);

        int[] encodingOffsets = new int[RIDS.length];
        for (int i = 0; i < RIDS.length; i++) {
            int rid = builder.createString(RIDS[i]);
            int scalabilityMode = builder.createString("S1T3");
            RtpEncodingParameters.startRtpEncodingParameters(builder);
            RtpEncodingParameters.addRid(builder, rid);
            RtpEncodingParameters.addScalabilityMode(builder, scalabilityMode);
            RtpEncodingParameters.addMaxBitrate(builder, MAX_BITRATES[i]);
            encodingOffsets[i] = RtpEncodingParameters.endRtpEncodingParameters(builder);
        }
        int encodings = RtpParameters.createEncodingsVector(builder, encodingOffsets);

        int rtcp = RtcpParameters.createRtcpParameters(builder, builder.createString("Qnl6Vd8lQwGkt2xD"), true);
        int mid = builder.createString("0");
        RtpParameters.startRtpParameters(builder);
        RtpParameters.addMid(builder, mid);
        RtpParameters.addCodecs(builder, codecs);
        RtpParameters.addHeaderExtensions(builder, headerExtensions);
        RtpParameters.addEncodings(builder, encodings);
        RtpParameters.addRtcp(builder, rtcp);
        return RtpParameters.endRtpParameters(builder);
    }

    /**
     * A codec as the library writes it: parameters (here at most RTX's apt) and feedback vectors
     * always present, and channels even for video, where the library's Number(undefined) lands as 0.
     */
    private static int codec(FlatBufferBuilder builder, String mimeType, int payloadType, Integer apt, String[][] feedback) {
        int mime = builder.createString(mimeType);
        int[] parameters = apt == null ? new int[0] : new int[] {Parameter.createParameter(builder,
                builder.createString("apt"), Value.Integer32, Integer32.createInteger32(builder, apt))};
        int parametersVector = RtpCodecParameters.createParametersVector(builder, parameters);
        int[] feedbackOffsets = new int[feedback.length];
        for (int i = 0; i < feedback.length; i++) {
            int type = builder.createString(feedback[i][0]);
            int parameter = builder.createString(feedback[i][1]);
            feedbackOffsets[i] = RtcpFeedback.createRtcpFeedback(builder, type, parameter);
        }
        int feedbackVector = RtpCodecParameters.createRtcpFeedbackVector(builder, feedbackOffsets);
        RtpCodecParameters.startRtpCodecParameters(builder);
        RtpCodecParameters.addMimeType(builder, mime);
        RtpCodecParameters.addPayloadType(builder, payloadType);
        RtpCodecParameters.addClockRate(builder, 90000);
        builder.forceDefaults(true);
        RtpCodecParameters.addChannels(builder, 0);
        builder.forceDefaults(false);
        RtpCodecParameters.addParameters(builder, parametersVector);
        RtpCodecParameters.addRtcpFeedback(builder, feedbackVector);
        return RtpCodecParameters.endRtpCodecParameters(builder);
    }

    private static int rtpMapping(FlatBufferBuilder builder) {
        int codecs = RtpMapping.createCodecsVector(builder, new int[] {
            CodecMapping.createCodecMapping(builder, 96, 101), CodecMapping.createCodecMapping(builder, 97, 102)});
        int[] encodingOffsets = new int[RIDS.length];
        for (int i = 0; i < RIDS.length; i++) {
            int rid = builder.createString(RIDS[i]);
            EncodingMapping.startEncodingMapping(builder);
            EncodingMapping.addRid(builder, rid);
            EncodingMapping.addMappedSsrc(builder, FIRST_MAPPED_SSRC + i);
            encodingOffsets[i] = EncodingMapping.endEncodingMapping(builder);
        }
        int encodings = RtpMapping.createEncodingsVector(builder, encodingOffsets);
        return RtpMapping.createRtpMapping(builder, codecs, encodings);
    }
}
