package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportRequest;

/**
 * mediasoup 3.32's ROUTER_CREATE_*TRANSPORT and ROUTER_CLOSE_TRANSPORT (handler: the router)
 * and TRANSPORT_* requests (handler: the transport); the answers in each kind's tables.
 */
final class FbsTransportCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        switch (request.method()) {
            case FBS.Request.Method.ROUTER_CREATE_PLAINTRANSPORT: {
                FBS.Router.CreatePlainTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreatePlainTransportRequest, new FBS.Router.CreatePlainTransportRequest());
                return new TransportRequest.CreatePlain(request.handlerId(), transportId(body.transportId()),
                        FbsTransportOptions.plain(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT: {
                FBS.Router.CreateWebRtcTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreateWebRtcTransportRequest, new FBS.Router.CreateWebRtcTransportRequest());
                return new TransportRequest.CreateWebRtc(request.handlerId(), transportId(body.transportId()),
                        FbsTransportOptions.webRtc(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_PIPETRANSPORT: {
                FBS.Router.CreatePipeTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreatePipeTransportRequest, new FBS.Router.CreatePipeTransportRequest());
                return new TransportRequest.CreatePipe(request.handlerId(), transportId(body.transportId()),
                        FbsTransportOptions.pipe(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_DIRECTTRANSPORT: {
                FBS.Router.CreateDirectTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreateDirectTransportRequest, new FBS.Router.CreateDirectTransportRequest());
                return new TransportRequest.CreateDirect(request.handlerId(), transportId(body.transportId()),
                        FbsTransportOptions.direct(body.options()));
            }
            case FBS.Request.Method.ROUTER_CLOSE_TRANSPORT: {
                FBS.Router.CloseTransportRequest body = request.body(
                        FBS.Request.Body.Router_CloseTransportRequest, new FBS.Router.CloseTransportRequest());
                return new TransportRequest.Close(request.handlerId(), transportId(body.transportId()));
            }
            case FBS.Request.Method.TRANSPORT_DUMP:
                return new TransportRequest.Dump(request.handlerId());
            default:
                return null;
        }
    }

    private static String transportId(String transportId) {
        if (transportId == null) {
            throw new MediasoupTypeError("missing transportId");
        }
        return transportId;
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        return response instanceof TransportDump dump ? FbsTransportDumps.encode(dump) : null;
    }
}
