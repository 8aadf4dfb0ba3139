package io.jmediasoup.worker;

import io.jmediasoup.channel.FbsChannelEndpoint;
import io.jmediasoup.channel.FbsNotification;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;
import io.jmediasoup.worker.codec.Codecs;
import io.jmediasoup.worker.codec.FbsNotificationCodec;
import io.jmediasoup.worker.codec.FbsRequestCodec;
import io.jmediasoup.worker.codec.FbsWorkerCodec;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.rtc.ChannelHandler;
import io.jmediasoup.worker.rtc.EntityIdError;
import io.jmediasoup.worker.messages.WorkerRequest;
import io.jmediasoup.worker.messages.WorkerResponse;

/**
 * The worker behind mediasoup 3.32's channel: requests decoded by {@link FbsWorkerCodec} into
 * the era-neutral {@link WorkerRequest}s and answered in FlatBuffers; WORKER_CLOSE closes it.
 */
final class FbsWorkerChannel implements FbsChannelEndpoint.Listener {
    private final Worker worker;

    FbsWorkerChannel(Worker worker) {
        this.worker = worker;
    }

    /** WORKER_RUNNING, with the pid as handler id: the Node library's cue that the worker is up. */
    void announceRunning(FbsChannelEndpoint channel) {
        channel.notify(Long.toString(worker.pid()), FBS.Notification.Event.WORKER_RUNNING, FBS.Notification.Body.NONE, null);
    }

    @Override
    public void onRequest(FbsRequest request) {
        WorkerRequest typed = FbsWorkerCodec.decode(request);
        if (typed == null) {
            answerEntity(request);
            return;
        }
        WorkerResponse response;
        try {
            response = worker.handle(typed);
        } catch (MediasoupError error) {
            if (typed instanceof WorkerRequest.DumpRouter && error instanceof EntityIdError) {
                // 3.32 finds a router's own requests by handler id: another entity may answer it.
                answerEntity(request);
                return;
            }
            throw FbsWorkerCodec.error(error, request);
        }
        request.accept(FbsWorkerCodec.encode(response));
    }

    /**
     * A request to an entity below the worker: as 3.32's C++ worker, the entity its handler id
     * names is found first (a miss is a NotFoundError whatever the body), then the codec of the
     * method's family reads the body into the typed request the entity answers.
     */
    private void answerEntity(FbsRequest request) {
        ChannelHandler handler = worker.requestHandler(request.handlerId());
        if (handler == null) {
            throw unserved(request);
        }
        for (FbsRequestCodec codec : Codecs.FBS_REQUESTS) {
            ChannelResponse response;
            try {
                ChannelRequest channelRequest = codec.decode(request);
                if (channelRequest == null) {
                    continue;
                }
                response = handler.handle(channelRequest);
            } catch (MediasoupError error) {
                throw FbsWorkerCodec.error(error, request);
            }
            request.accept(response == null ? null : codec.encode(response));
            return;
        }
        throw new MediasoupError("unknown method '" + request.methodLabel() + "'");
    }

    /** A method this worker does not serve under 3.32 yet: as the C++ worker answers a handler it does not have. */
    private static MediasoupError unserved(FbsRequest request) {
        return new MediasoupNotFoundError("Channel request handler with ID " + request.handlerId() + " not found [method:"
                + request.methodLabel() + "]");
    }

    @Override
    public void onNotification(FbsNotification notification) {
        if (notification.event() == FBS.Notification.Event.WORKER_CLOSE) {
            worker.close();
            return;
        }
        for (FbsNotificationCodec codec : Codecs.FBS_NOTIFICATIONS) {
            ChannelNotification typed = codec.decode(notification);
            if (typed != null) {
                ChannelHandler handler = worker.notificationHandler(typed);
                if (handler == null) {
                    break;
                }
                handler.handle(typed);
                return;
            }
        }
        throw new MediasoupNotFoundError("Channel notification handler with ID " + notification.handlerId() + " not found");
    }

    @Override
    public void onMalformedMessage(String reason) {
        worker.onMalformedMessage(reason);
    }

    @Override
    public void onClosed() {
        worker.onClosed();
    }
}
