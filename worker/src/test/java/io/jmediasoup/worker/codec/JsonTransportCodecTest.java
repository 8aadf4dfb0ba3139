package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.rtc.TransportTuple;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** mediasoup 3.8's transport JSON, decoded into the typed options and encoded from the typed dump and events. */
class JsonTransportCodecTest {
    private static final TransportTuple TUPLE = new TransportTuple("127.0.0.1", 40000, "1.2.3.4", 5000, Protocol.UDP);

    @Test
    void aDumpKeepsTheOrderOfThe38Worker() {
        TransportDump.Sctp sctp = new TransportDump.Sctp(5000, 1024, 1024, 262_144, 262_144, 0, 0, 0, false,
                0, 0, "new", Map.of());
        TransportDump dump = new TransportDump("t1", false, List.of(), List.of(), Map.of(), Map.of(), List.of(),
                List.of(), Map.of("mid", 1), new TransportDump.RtpListener(Map.of(), Map.of(), Map.of()), 262_144,
                262_144, 262_144, sctp, List.of("probation", "bwe"),
                new TransportDump.Plain(false, true, TUPLE, TUPLE, null));
        JsonObject json = JsonTransportCodec.dump(dump);
        assertEquals(List.of("id", "direct", "producerIds", "consumerIds", "mapSsrcConsumerId", "mapRtxSsrcConsumerId",
                "dataProducerIds", "dataConsumerIds", "recvRtpHeaderExtensions", "rtpListener", "maxMessageSize",
                "sctpParameters", "sctpState", "sctpListener", "traceEventTypes", "rtcpMux", "comedia", "tuple",
                "rtcpTuple"), List.copyOf(json.keySet()));
        assertEquals("probation,bwe", json.get("traceEventTypes").getAsString());
        assertEquals(1024, json.getAsJsonObject("sctpParameters").get("OS").getAsInt());
        assertEquals("1.2.3.4", json.getAsJsonObject("tuple").get("remoteIp").getAsString());
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new TransportEvent.Tuple(TUPLE), "tuple",
                        "{\"tuple\":{\"localIp\":\"127.0.0.1\",\"localPort\":40000,\"remoteIp\":\"1.2.3.4\","
                                + "\"remotePort\":5000,\"protocol\":\"udp\"}}"),
                Arguments.of(new TransportEvent.IceStateChange("completed"), "icestatechange",
                        "{\"iceState\":\"completed\"}"),
                Arguments.of(new TransportEvent.DtlsStateChange("connected", "PEM"), "dtlsstatechange",
                        "{\"dtlsState\":\"connected\",\"dtlsRemoteCert\":\"PEM\"}"),
                Arguments.of(new TransportEvent.SctpStateChange("connecting"), "sctpstatechange",
                        "{\"sctpState\":\"connecting\"}"),
                Arguments.of(new TransportEvent.BweTrace(9, 1, 1, 30_000, 600_000, 600_000, 510_000, 600_000, false, 0),
                        "trace", "{\"type\":\"bwe\",\"timestamp\":9,\"direction\":\"out\",\"info\":{\"desiredBitrate\":1,"
                                + "\"effectiveDesiredBitrate\":1,\"minBitrate\":30000,\"maxBitrate\":600000,"
                                + "\"startBitrate\":600000,\"maxPaddingBitrate\":510000,\"availableBitrate\":600000,"
                                + "\"type\":\"remb\"}}"));
    }

    @Test
    void theNegotiatedSctpCapabilitiesAreNotSent() {
        assertSame(JsonEventCodec.JsonEvent.NOT_SENT,
                new JsonTransportEventCodec().encode(new TransportEvent.SctpNegotiatedCapabilities(1024, 1024)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventsHaveThe38NamesAndData(Event event, String name, String data) {
        JsonEventCodec.JsonEvent json = new JsonTransportEventCodec().encode(event);
        assertEquals(name, json.name());
        assertEquals(JsonParser.parseString(data), json.data());
    }

    @Test
    void webRtcListenIpsBecomeCandidatesOfEachProtocolWithThe38Preferences() {
        TransportOptions.WebRtc options = JsonTransportOptions.webRtc(JsonParser.parseString(
                "{\"listenIps\":[{\"ip\":\"127.0.0.1\",\"announcedIp\":\"9.9.9.1\"},{\"ip\":\"::1\"}],"
                        + "\"enableTcp\":true,\"preferTcp\":true,\"port\":4443}").getAsJsonObject());
        List<TransportOptions.IceListen> listens = options.listens();
        assertEquals(4, listens.size());
        assertEquals(Protocol.UDP, listens.get(0).listenInfo().protocol());
        assertEquals(10_000, listens.get(0).iceLocalPreference());
        assertEquals(Protocol.TCP, listens.get(1).listenInfo().protocol());
        assertEquals(11_000, listens.get(1).iceLocalPreference());
        assertEquals(9_900, listens.get(2).iceLocalPreference());
        assertEquals("9.9.9.1", listens.get(0).listenInfo().announced());
        assertEquals(4443, listens.get(3).listenInfo().port());
        assertFalse(options.base().direct());
        assertNull(options.base().sctp());
        assertEquals(TransportOptions.Ice.MEDIASOUP_3_8, options.ice());
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of((Executable) () -> JsonTransportOptions.plain(json("{}")), "missing listenIp"),
                Arguments.of((Executable) () -> JsonTransportOptions.direct(json("{\"direct\":true}")),
                        "wrong maxMessageSize (not a number)"),
                Arguments.of((Executable) () -> JsonTransportOptions.plain(json(
                        "{\"listenIp\":{\"ip\":\"127.0.0.1\"},\"initialAvailableOutgoingBitrate\":\"x\"}")),
                        "wrong initialAvailableOutgoingBitrate (not a number)"),
                Arguments.of((Executable) () -> JsonTransportOptions.plain(json(
                        "{\"listenIp\":{\"ip\":\"127.0.0.1\"},\"enableSrtp\":true,\"srtpCryptoSuite\":\"AEAD_AES_256_GCM\"}")),
                        "invalid/unsupported srtpCryptoSuite"));
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void invalidOptionsAreTypeErrorsWithThe38Texts(Executable decode, String reason) {
        assertEquals(reason, assertThrows(MediasoupTypeError.class, decode).getMessage());
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
