package io.jmediasoup.worker.codec;

import java.util.List;

/** The request and event codecs of each era, one per family of entities; the sinks and channels ask each in turn. */
public final class Codecs {
    private Codecs() {}

    public static final List<JsonRequestCodec> JSON_REQUESTS = List.of(new JsonRtpObserverCodec(), new JsonTransportCodec(),
            new JsonDataProducerCodec(), new JsonDataConsumerCodec());

    public static final List<FbsRequestCodec> FBS_REQUESTS = List.of(new FbsRtpObserverCodec(), new FbsTransportCodec(),
            new FbsDataProducerCodec(), new FbsDataConsumerCodec());

    public static final List<JsonNotificationCodec> JSON_NOTIFICATIONS = List.of(new JsonDataProducerNotificationCodec(),
            new JsonTransportNotificationCodec());

    public static final List<FbsNotificationCodec> FBS_NOTIFICATIONS = List.of(new FbsDataProducerNotificationCodec(),
            new FbsTransportNotificationCodec());

    public static final List<JsonEventCodec> JSON_EVENTS = List.of(new JsonTransportEventCodec(),
            new JsonDataConsumerEventCodec());

    public static final List<FbsEventCodec> FBS_EVENTS = List.of(new FbsTransportEventCodec(),
            new FbsDataConsumerEventCodec());
}
