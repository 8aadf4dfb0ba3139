package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.WebRtcServerRequest;
import io.jmediasoup.worker.rtc.WebRtcServer;
import java.util.List;
import java.util.Map;

/**
 * mediasoup 3.32's WebRtcServer requests: WEBRTCSERVER_DUMP, and a router's
 * ROUTER_CREATE_WEBRTCTRANSPORT_WITH_SERVER (answered with the transport's dump).
 */
final class FbsWebRtcServerCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        switch (request.method()) {
            case FBS.Request.Method.WEBRTCSERVER_DUMP:
                return new WebRtcServerRequest.Dump(request.handlerId());
            case FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT_WITH_SERVER: {
                FBS.Router.CreateWebRtcTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreateWebRtcTransportRequest, new FBS.Router.CreateWebRtcTransportRequest());
                return new TransportRequest.CreateWebRtcWithServer(request.handlerId(),
                        Fbs.required(body.transportId(), "transportId"),
                        options(body.options()));
            }
            default:
                return null;
        }
    }

    private static TransportOptions.WebRtcWithServer options(FBS.WebRtcTransport.WebRtcTransportOptions options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        if (options.listenType() != FBS.WebRtcTransport.Listen.ListenServer) {
            throw new MediasoupTypeError("missing webRtcServerId");
        }
        FBS.WebRtcTransport.ListenServer server =
                (FBS.WebRtcTransport.ListenServer) options.listen(new FBS.WebRtcTransport.ListenServer());
        return new TransportOptions.WebRtcWithServer(FbsTransportOptions.base(options.base()),
                Fbs.required(server.webRtcServerId(), "webRtcServerId"),
                options.enableUdp(), options.enableTcp(), options.preferUdp(), options.preferTcp(),
                FbsTransportOptions.ice(options));
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof TransportDump dump) {
            return FbsTransportDumps.encode(dump);
        }
        if (response instanceof WebRtcServer.Dump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.WebRtcServer_DumpResponse, builder -> {
                int udp = ipPorts(builder, dump.udpSockets());
                int tcp = ipPorts(builder, dump.tcpServers());
                int[] ids = new int[dump.webRtcTransportIds().size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = builder.createString(dump.webRtcTransportIds().get(i));
                }
                int transportIds = builder.createVectorOfTables(ids);
                int[] fragments = new int[dump.webRtcTransportIdsByLocalIceUsernameFragment().size()];
                int i = 0;
                for (Map.Entry<String, String> entry : dump.webRtcTransportIdsByLocalIceUsernameFragment().entrySet()) {
                    fragments[i++] = FBS.WebRtcServer.IceUserNameFragment.createIceUserNameFragment(builder,
                            builder.createString(entry.getKey()), builder.createString(entry.getValue()));
                }
                return FBS.WebRtcServer.DumpResponse.createDumpResponse(builder, builder.createString(dump.id()), udp, tcp,
                        transportIds, builder.createVectorOfTables(fragments));
            });
        }
        return null;
    }

    private static int ipPorts(FlatBufferBuilder builder, List<WebRtcServer.IpPort> ipPorts) {
        int[] offsets = new int[ipPorts.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = FBS.WebRtcServer.IpPort.createIpPort(builder, builder.createString(ipPorts.get(i).ip()),
                    ipPorts.get(i).port());
        }
        return builder.createVectorOfTables(offsets);
    }
}
