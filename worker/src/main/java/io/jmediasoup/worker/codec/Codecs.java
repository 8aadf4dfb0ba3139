package io.jmediasoup.worker.codec;

import java.util.List;

/** The request and event codecs of each era, one per family of entities; the sinks and channels ask each in turn. */
public final class Codecs {
    private Codecs() {}

    public static final List<JsonRequestCodec> JSON_REQUESTS = List.of(new JsonRtpObserverCodec(), new JsonTransportCodec(),
            new JsonDataProducerCodec(), new JsonDataConsumerCodec(), new JsonProducerCodec(), new JsonConsumerCodec());

    public static final List<FbsRequestCodec> FBS_REQUESTS = List.of(new FbsRtpObserverCodec(), new FbsTransportCodec(),
            new FbsWebRtcServerCodec(), new FbsDataProducerCodec(), new FbsDataConsumerCodec(), new FbsProducerCodec(),
            new FbsConsumerCodec());

    public static final List<JsonNotificationCodec> JSON_NOTIFICATIONS = List.of(new JsonDataProducerNotificationCodec(),
            new JsonMediaNotificationCodec());

    public static final List<FbsNotificationCodec> FBS_NOTIFICATIONS = List.of(new FbsDataProducerNotificationCodec(),
            new FbsMediaNotificationCodec());

    public static final List<JsonEventCodec> JSON_EVENTS = List.of(new JsonDataConsumerEventCodec(),
            new JsonTransportEventCodec(), new JsonMediaEventCodec());

    public static final List<FbsEventCodec> FBS_EVENTS = List.of(new FbsDataConsumerEventCodec(),
            new FbsTransportEventCodec(), new FbsMediaEventCodec());
}
