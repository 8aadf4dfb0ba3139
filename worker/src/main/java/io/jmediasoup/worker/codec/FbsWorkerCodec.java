package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.EntityIdError;
import io.jmediasoup.worker.rtc.UnknownMethodError;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.net.NoMorePortsError;
import io.jmediasoup.worker.messages.WorkerRequest;
import io.jmediasoup.worker.messages.WorkerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mediasoup 3.32's FlatBuffers for the worker-level requests: FBS.Request bodies in,
 * FBS.Response bodies out. This is where their arguments are validated, with 3.32's texts
 * and error classes (NotFoundError for a missing router).
 */
public final class FbsWorkerCodec {
    private FbsWorkerCodec() {}

    /**
     * The typed request, or null when the method is not a worker-level one. The body is read
     * now, during dispatch.
     */
    public static WorkerRequest decode(FbsRequest request) {
        try {
            switch (request.method()) {
                case FBS.Request.Method.WORKER_DUMP:
                    return new WorkerRequest.Dump();
                case FBS.Request.Method.WORKER_GET_RESOURCE_USAGE:
                    return new WorkerRequest.GetResourceUsage();
                case FBS.Request.Method.WORKER_UPDATE_SETTINGS: {
                    FBS.Worker.UpdateSettingsRequest body = request.body(
                            FBS.Request.Body.Worker_UpdateSettingsRequest, new FBS.Worker.UpdateSettingsRequest());
                    List<String> logTags = null;
                    if (body.logTagsLength() > 0 || body.logTagsVector() != null) {
                        logTags = new ArrayList<>(body.logTagsLength());
                        for (int i = 0; i < body.logTagsLength(); i++) {
                            logTags.add(required(body.logTags(i), "logTags[" + i + "]"));
                        }
                    }
                    return new WorkerRequest.UpdateSettings(body.logLevel(), logTags);
                }
                case FBS.Request.Method.WORKER_CREATE_ROUTER:
                    return new WorkerRequest.CreateRouter(required(request.body(
                            FBS.Request.Body.Worker_CreateRouterRequest, new FBS.Worker.CreateRouterRequest()).routerId(),
                            "routerId"));
                case FBS.Request.Method.WORKER_CREATE_WEBRTCSERVER: {
                    FBS.Worker.CreateWebRtcServerRequest body = request.body(
                            FBS.Request.Body.Worker_CreateWebRtcServerRequest, new FBS.Worker.CreateWebRtcServerRequest());
                    List<TransportListenInfo> listenInfos = new ArrayList<>(body.listenInfosLength());
                    for (int i = 0; i < body.listenInfosLength(); i++) {
                        listenInfos.add(FbsTransportOptions.listenInfo(body.listenInfos(i)));
                    }
                    return new WorkerRequest.CreateWebRtcServer(required(body.webRtcServerId(), "webRtcServerId"),
                            listenInfos);
                }
                case FBS.Request.Method.WORKER_WEBRTCSERVER_CLOSE:
                    return new WorkerRequest.CloseWebRtcServer(required(request.body(
                            FBS.Request.Body.Worker_CloseWebRtcServerRequest, new FBS.Worker.CloseWebRtcServerRequest())
                            .webRtcServerId(), "webRtcServerId"));
                case FBS.Request.Method.WORKER_CLOSE_ROUTER:
                    return new WorkerRequest.CloseRouter(required(request.body(
                            FBS.Request.Body.Worker_CloseRouterRequest, new FBS.Worker.CloseRouterRequest()).routerId(),
                            "routerId"));
                case FBS.Request.Method.ROUTER_DUMP:
                    return new WorkerRequest.DumpRouter(request.handlerId());
                default:
                    return null;
            }
        } catch (MediasoupError error) {
            throw error(error, request);
        }
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new MediasoupTypeError("missing " + field);
        }
        return value;
    }

    /**
     * The error 3.32 answers: its C++ worker appends the method only to a child id missing or
     * taken (and to a handler id it does not serve); any other failure keeps its text and class.
     * 3.32's port manager words its own failure.
     */
    public static MediasoupError error(MediasoupError error, FbsRequest request) {
        if (error instanceof NoMorePortsError noMorePorts) {
            return new MediasoupError(noMorePorts.reasonIn332());
        }
        if (error instanceof UnknownMethodError) {
            return new MediasoupError("unknown method '" + request.methodLabel() + "'");
        }
        return error instanceof EntityIdError entityId ? entityId.in332(request.methodLabel()) : error;
    }

    /** The response body of {@code response}, or null when it has none. */
    public static FbsRequest.FbsBody encode(WorkerResponse response) {
        if (response == null) {
            return null;
        }
        if (response instanceof WorkerResponse.WorkerDump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Worker_DumpResponse, builder -> {
                int handlers = FBS.Worker.ChannelMessageHandlers.createChannelMessageHandlers(builder,
                        strings(builder, dump.channelRequestHandlers()), strings(builder, dump.channelNotificationHandlers()));
                return FBS.Worker.DumpResponse.createDumpResponse(builder, dump.pid(),
                        strings(builder, dump.webRtcServerIds()), strings(builder, dump.routerIds()), handlers);
            });
        }
        if (response instanceof WorkerResponse.ResourceUsage usage) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Worker_ResourceUsageResponse, builder -> {
                List<Long> c = usage.counters();
                return FBS.Worker.ResourceUsageResponse.createResourceUsageResponse(builder, usage.utimeMs(),
                        usage.stimeMs(), c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                        c.get(8), c.get(9), c.get(10), c.get(11), c.get(12), c.get(13));
            });
        }
        WorkerResponse.RouterDump dump = (WorkerResponse.RouterDump) response;
        return new FbsRequest.FbsBody(FBS.Response.Body.Router_DumpResponse, builder ->
                FBS.Router.DumpResponse.createDumpResponse(builder, builder.createString(dump.id()),
                        strings(builder, dump.transportIds()), strings(builder, dump.rtpObserverIds()),
                        listMap(builder, dump.mapProducerIdConsumerIds()), stringMap(builder, dump.mapConsumerIdProducerId()),
                        listMap(builder, dump.mapProducerIdObserverIds()),
                        listMap(builder, dump.mapDataProducerIdDataConsumerIds()),
                        stringMap(builder, dump.mapDataConsumerIdDataProducerId())));
    }

    private static int strings(FlatBufferBuilder builder, List<String> values) {
        int[] offsets = new int[values.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = builder.createString(values.get(i));
        }
        return builder.createVectorOfTables(offsets);
    }

    private static int listMap(FlatBufferBuilder builder, Map<String, List<String>> map) {
        int[] entries = new int[map.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            int key = builder.createString(entry.getKey());
            entries[i++] = FBS.Common.StringStringArray.createStringStringArray(builder, key, strings(builder, entry.getValue()));
        }
        return builder.createVectorOfTables(entries);
    }

    private static int stringMap(FlatBufferBuilder builder, Map<String, String> map) {
        int[] entries = new int[map.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            int key = builder.createString(entry.getKey());
            entries[i++] = FBS.Common.StringString.createStringString(builder, key, builder.createString(entry.getValue()));
        }
        return builder.createVectorOfTables(entries);
    }
}
