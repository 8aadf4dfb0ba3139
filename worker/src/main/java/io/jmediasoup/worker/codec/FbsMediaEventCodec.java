package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.DirectTransportEvent;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.ProducerEvent;
import io.jmediasoup.worker.messages.RtpObserverEvent;
import io.jmediasoup.worker.messages.RtpTrace;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** mediasoup 3.32's notifications of producers, consumers, RTP observers and a DirectTransport's RTCP. */
final class FbsMediaEventCodec implements FbsEventCodec {
    private static final byte NO_BODY = FBS.Notification.Body.NONE;

    @Override
    public FbsEvent encode(Event event, ByteBuf payload) {
        if (event instanceof ProducerEvent producerEvent) {
            return producer(producerEvent);
        }
        if (event instanceof ConsumerEvent consumerEvent) {
            return consumer(consumerEvent, payload);
        }
        if (event instanceof RtpObserverEvent rtpObserverEvent) {
            return rtpObserver(rtpObserverEvent);
        }
        if (event instanceof DirectTransportEvent.Rtcp) {
            return new FbsEvent(FBS.Notification.Event.DIRECTTRANSPORT_RTCP,
                    FBS.Notification.Body.DirectTransport_RtcpNotification, builder ->
                            FBS.DirectTransport.RtcpNotification.createRtcpNotification(builder, bytes(builder, payload)));
        }
        return null;
    }

    private static FbsEvent producer(ProducerEvent event) {
        if (event instanceof ProducerEvent.Score score) {
            return new FbsEvent(FBS.Notification.Event.PRODUCER_SCORE, FBS.Notification.Body.Producer_ScoreNotification,
                    builder -> {
                        List<ProducerEvent.StreamScore> scores = score.scores();
                        int[] offsets = new int[scores.size()];
                        for (int i = 0; i < offsets.length; i++) {
                            ProducerEvent.StreamScore stream = scores.get(i);
                            int rid = stream.rid().isEmpty() ? 0 : builder.createString(stream.rid());
                            offsets[i] = FBS.Producer.Score.createScore(builder, stream.encodingIdx(), stream.ssrc(), rid,
                                    stream.score());
                        }
                        return FBS.Producer.ScoreNotification.createScoreNotification(builder,
                                FBS.Producer.ScoreNotification.createScoresVector(builder, offsets));
                    });
        }
        if (event instanceof ProducerEvent.VideoOrientationChange change) {
            return new FbsEvent(FBS.Notification.Event.PRODUCER_VIDEO_ORIENTATION_CHANGE,
                    FBS.Notification.Body.Producer_VideoOrientationChangeNotification, builder ->
                            FBS.Producer.VideoOrientationChangeNotification.createVideoOrientationChangeNotification(
                                    builder, change.camera(), change.flip(), change.rotation()));
        }
        if (event instanceof ProducerEvent.SenderReportTrace sr) {
            return new FbsEvent(FBS.Notification.Event.PRODUCER_TRACE, FBS.Notification.Body.Producer_TraceNotification,
                    builder -> {
                        int info = FBS.Producer.SrTraceInfo.createSrTraceInfo(builder, sr.ssrc(), sr.ntpSeconds(),
                                sr.ntpFraction(), sr.rtpTimestamp(), sr.packetCount(), sr.octetCount());
                        return FBS.Producer.TraceNotification.createTraceNotification(builder,
                                FBS.Producer.TraceEventType.SR, sr.timestamp(), FBS.Common.TraceDirection.DIRECTION_IN,
                                FBS.Producer.TraceInfo.SrTraceInfo, info);
                    });
        }
        RtpTrace trace = ((ProducerEvent.Trace) event).trace();
        return new FbsEvent(FBS.Notification.Event.PRODUCER_TRACE, FBS.Notification.Body.Producer_TraceNotification,
                builder -> {
                    byte infoType = infoType(trace);
                    int info = info(builder, trace, infoType);
                    return FBS.Producer.TraceNotification.createTraceNotification(builder, type(trace), trace.timestamp(),
                            direction(trace), infoType, info);
                });
    }

    private static FbsEvent consumer(ConsumerEvent event, ByteBuf payload) {
        if (event instanceof ConsumerEvent.Score score) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_SCORE, FBS.Notification.Body.Consumer_ScoreNotification,
                    builder -> FBS.Consumer.ScoreNotification.createScoreNotification(builder,
                            FbsConsumerCodec.score(builder, score.score())));
        }
        if (event instanceof ConsumerEvent.LayersChange change) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_LAYERS_CHANGE,
                    FBS.Notification.Body.Consumer_LayersChangeNotification, builder ->
                            FBS.Consumer.LayersChangeNotification.createLayersChangeNotification(builder,
                                    change.layers() != null ? FbsConsumerCodec.layers(builder, change.layers()) : 0));
        }
        if (event instanceof ConsumerEvent.ProducerPause) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_PRODUCER_PAUSE, NO_BODY, null);
        }
        if (event instanceof ConsumerEvent.ProducerResume) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_PRODUCER_RESUME, NO_BODY, null);
        }
        if (event instanceof ConsumerEvent.ProducerClose) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_PRODUCER_CLOSE, NO_BODY, null);
        }
        if (event instanceof ConsumerEvent.Rtp) {
            return new FbsEvent(FBS.Notification.Event.CONSUMER_RTP, FBS.Notification.Body.Consumer_RtpNotification,
                    builder -> FBS.Consumer.RtpNotification.createRtpNotification(builder, bytes(builder, payload)));
        }
        RtpTrace trace = ((ConsumerEvent.Trace) event).trace();
        return new FbsEvent(FBS.Notification.Event.CONSUMER_TRACE, FBS.Notification.Body.Consumer_TraceNotification,
                builder -> {
                    byte infoType = infoType(trace);
                    int info = info(builder, trace, infoType);
                    return FBS.Consumer.TraceNotification.createTraceNotification(builder, type(trace), trace.timestamp(),
                            direction(trace), infoType, info);
                });
    }

    private static FbsEvent rtpObserver(RtpObserverEvent event) {
        if (event instanceof RtpObserverEvent.Volumes volumes) {
            return new FbsEvent(FBS.Notification.Event.AUDIOLEVELOBSERVER_VOLUMES,
                    FBS.Notification.Body.AudioLevelObserver_VolumesNotification, builder -> {
                        int[] offsets = new int[volumes.volumes().size()];
                        for (int i = 0; i < offsets.length; i++) {
                            RtpObserverEvent.Volume volume = volumes.volumes().get(i);
                            offsets[i] = FBS.AudioLevelObserver.Volume.createVolume(builder,
                                    builder.createString(volume.producerId()), (byte) volume.volume());
                        }
                        return FBS.AudioLevelObserver.VolumesNotification.createVolumesNotification(builder,
                                FBS.AudioLevelObserver.VolumesNotification.createVolumesVector(builder, offsets));
                    });
        }
        if (event instanceof RtpObserverEvent.DominantSpeaker speaker) {
            return new FbsEvent(FBS.Notification.Event.ACTIVESPEAKEROBSERVER_DOMINANT_SPEAKER,
                    FBS.Notification.Body.ActiveSpeakerObserver_DominantSpeakerNotification, builder ->
                            FBS.ActiveSpeakerObserver.DominantSpeakerNotification.createDominantSpeakerNotification(
                                    builder, builder.createString(speaker.producerId())));
        }
        return new FbsEvent(FBS.Notification.Event.AUDIOLEVELOBSERVER_SILENCE, NO_BODY, null);
    }

    /** The payload's bytes as a [uint8] vector; the payload is lent and left as it is. */
    private static int bytes(FlatBufferBuilder builder, ByteBuf payload) {
        byte[] bytes = new byte[payload.readableBytes()];
        payload.getBytes(payload.readerIndex(), bytes);
        return builder.createByteVector(bytes);
    }

    /** FBS.Producer.TraceEventType and FBS.Consumer.TraceEventType share their values. */
    private static int type(RtpTrace trace) {
        return FbsTraceTypes.values(List.of(trace.type()))[0];
    }

    private static int direction(RtpTrace trace) {
        return "in".equals(trace.direction()) ? FBS.Common.TraceDirection.DIRECTION_IN
                : FBS.Common.TraceDirection.DIRECTION_OUT;
    }

    /** Producer and consumer TraceInfo unions share their values: none for a NACK. */
    private static byte infoType(RtpTrace trace) {
        switch (trace.type()) {
            case "keyframe":
                return FBS.Producer.TraceInfo.KeyFrameTraceInfo;
            case "rtp":
                return FBS.Producer.TraceInfo.RtpTraceInfo;
            case "fir":
                return FBS.Producer.TraceInfo.FirTraceInfo;
            case "pli":
                return FBS.Producer.TraceInfo.PliTraceInfo;
            default:
                return FBS.Producer.TraceInfo.NONE;
        }
    }

    /** The info table; its layout is the same in FBS.Producer and FBS.Consumer. */
    private static int info(FlatBufferBuilder builder, RtpTrace trace, byte infoType) {
        switch (infoType) {
            case FBS.Producer.TraceInfo.KeyFrameTraceInfo:
                return FBS.Producer.KeyFrameTraceInfo.createKeyFrameTraceInfo(builder,
                        FbsRtpStreams.packet(builder, trace.packet()), trace.isRtx());
            case FBS.Producer.TraceInfo.RtpTraceInfo:
                return FBS.Producer.RtpTraceInfo.createRtpTraceInfo(builder, FbsRtpStreams.packet(builder, trace.packet()),
                        trace.isRtx());
            case FBS.Producer.TraceInfo.FirTraceInfo:
                return FBS.Producer.FirTraceInfo.createFirTraceInfo(builder, trace.ssrc());
            case FBS.Producer.TraceInfo.PliTraceInfo:
                return FBS.Producer.PliTraceInfo.createPliTraceInfo(builder, trace.ssrc());
            default:
                return 0;
        }
    }
}
