package io.jmediasoup.worker.codec;

import java.util.List;

/** The request and event codecs of each era, one per family of entities; the sinks and channels ask each in turn. */
public final class Codecs {
    private Codecs() {}

    public static final List<JsonRequestCodec> JSON_REQUESTS = List.of(new JsonRtpObserverCodec(), new JsonTransportCodec());

    public static final List<FbsRequestCodec> FBS_REQUESTS = List.of(new FbsRtpObserverCodec(), new FbsTransportCodec());

    public static final List<JsonNotificationCodec> JSON_NOTIFICATIONS = List.of();

    public static final List<FbsNotificationCodec> FBS_NOTIFICATIONS = List.of();

    public static final List<JsonEventCodec> JSON_EVENTS = List.of();

    public static final List<FbsEventCodec> FBS_EVENTS = List.of();
}
