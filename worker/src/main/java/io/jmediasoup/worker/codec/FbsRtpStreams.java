package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.worker.messages.RtpPacketDump;
import io.jmediasoup.worker.messages.RtpStreamDump;
import io.jmediasoup.worker.messages.RtpStreamStats;
import java.util.List;
import java.util.Map;

/** mediasoup 3.32's FBS.RtpStream dumps and stats, and the FBS.RtpPacket dump of trace events. */
final class FbsRtpStreams {
    private FbsRtpStreams() {}

    static int dumps(FlatBufferBuilder builder, List<RtpStreamDump> dumps) {
        int[] offsets = new int[dumps.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = dump(builder, dumps.get(i));
        }
        return builder.createVectorOfTables(offsets);
    }

    private static int dump(FlatBufferBuilder builder, RtpStreamDump dump) {
        int mimeType = builder.createString(dump.mimeType());
        // The Node library reads rid and rrid as strings that are there, empty when none.
        int rid = builder.createString(dump.rid());
        int cname = builder.createString(dump.cname());
        FBS.RtpStream.Params.startParams(builder);
        FBS.RtpStream.Params.addEncodingIdx(builder, dump.encodingIdx());
        FBS.RtpStream.Params.addSsrc(builder, dump.ssrc());
        FBS.RtpStream.Params.addPayloadType(builder, dump.payloadType());
        FBS.RtpStream.Params.addMimeType(builder, mimeType);
        FBS.RtpStream.Params.addClockRate(builder, dump.clockRate());
        FBS.RtpStream.Params.addRid(builder, rid);
        FBS.RtpStream.Params.addCname(builder, cname);
        if (dump.hasRtx()) {
            FBS.RtpStream.Params.addRtxSsrc(builder, dump.rtxSsrc());
            Fbs.forced(builder, () -> FBS.RtpStream.Params.addRtxPayloadType(builder, dump.rtxPayloadType()));
        }
        FBS.RtpStream.Params.addUseNack(builder, dump.useNack());
        FBS.RtpStream.Params.addUsePli(builder, dump.usePli());
        FBS.RtpStream.Params.addUseFir(builder, dump.useFir());
        FBS.RtpStream.Params.addUseInBandFec(builder, dump.useInBandFec());
        FBS.RtpStream.Params.addUseDtx(builder, dump.useDtx());
        FBS.RtpStream.Params.addSpatialLayers(builder, dump.spatialLayers());
        FBS.RtpStream.Params.addTemporalLayers(builder, dump.temporalLayers());
        int params = FBS.RtpStream.Params.endParams(builder);
        int rtxStream = 0;
        if (dump.hasRtx()) {
            int rtxMimeType = builder.createString(dump.rtxMimeType());
            int rrid = builder.createString(dump.rid());
            int rtxCname = builder.createString(dump.cname());
            int rtxParams = FBS.RtxStream.Params.createParams(builder, dump.rtxSsrc(), dump.rtxPayloadType(),
                    rtxMimeType, dump.clockRate(), rrid, rtxCname);
            rtxStream = FBS.RtxStream.RtxDump.createRtxDump(builder, rtxParams);
        }
        return FBS.RtpStream.Dump.createDump(builder, params, dump.score(), rtxStream);
    }

    static int stats(FlatBufferBuilder builder, List<RtpStreamStats> stats) {
        int[] offsets = new int[stats.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = stats(builder, stats.get(i));
        }
        return builder.createVectorOfTables(offsets);
    }

    private static int stats(FlatBufferBuilder builder, RtpStreamStats stats) {
        int mimeType = builder.createString(stats.mimeType());
        int rid = stats.rid().isEmpty() ? 0 : builder.createString(stats.rid());
        FBS.RtpStream.BaseStats.startBaseStats(builder);
        FBS.RtpStream.BaseStats.addTimestamp(builder, stats.timestamp());
        FBS.RtpStream.BaseStats.addSsrc(builder, stats.ssrc());
        FBS.RtpStream.BaseStats.addKind(builder, "video".equals(stats.kind())
                ? FBS.RtpParameters.MediaKind.VIDEO : FBS.RtpParameters.MediaKind.AUDIO);
        FBS.RtpStream.BaseStats.addMimeType(builder, mimeType);
        FBS.RtpStream.BaseStats.addPacketsLost(builder, (int) stats.packetsLost());
        FBS.RtpStream.BaseStats.addFractionLost(builder, stats.fractionLost());
        FBS.RtpStream.BaseStats.addJitter(builder, stats.jitter());
        FBS.RtpStream.BaseStats.addPacketsDiscarded(builder, stats.packetsDiscarded());
        FBS.RtpStream.BaseStats.addPacketsRetransmitted(builder, stats.packetsRetransmitted());
        FBS.RtpStream.BaseStats.addPacketsRepaired(builder, stats.packetsRepaired());
        FBS.RtpStream.BaseStats.addNackCount(builder, stats.nackCount());
        FBS.RtpStream.BaseStats.addNackPacketCount(builder, stats.nackPacketCount());
        FBS.RtpStream.BaseStats.addPliCount(builder, stats.pliCount());
        FBS.RtpStream.BaseStats.addFirCount(builder, stats.firCount());
        if (rid != 0) {
            FBS.RtpStream.BaseStats.addRid(builder, rid);
        }
        if (stats.rtxSsrc() != 0) {
            FBS.RtpStream.BaseStats.addRtxSsrc(builder, stats.rtxSsrc());
        }
        FBS.RtpStream.BaseStats.addRtxPacketsDiscarded(builder, stats.rtxPacketsDiscarded());
        if (stats.roundTripTime() > 0) {
            FBS.RtpStream.BaseStats.addRoundTripTime(builder, (float) stats.roundTripTime());
        }
        FBS.RtpStream.BaseStats.addScore(builder, stats.score());
        int baseStats = FBS.RtpStream.BaseStats.endBaseStats(builder);
        int base = FBS.RtpStream.Stats.createStats(builder, FBS.RtpStream.StatsData.BaseStats, baseStats);
        if (!stats.inbound()) {
            int send = FBS.RtpStream.SendStats.createSendStats(builder, base, stats.packetCount(), stats.byteCount(),
                    stats.bitrate());
            return FBS.RtpStream.Stats.createStats(builder, FBS.RtpStream.StatsData.SendStats, send);
        }
        int[] layers = new int[stats.bitrateByLayer().size()];
        int i = 0;
        for (Map.Entry<String, Long> layer : stats.bitrateByLayer().entrySet()) {
            layers[i++] = FBS.RtpStream.BitrateByLayer.createBitrateByLayer(builder,
                    builder.createString(layer.getKey()), layer.getValue());
        }
        int recv = FBS.RtpStream.RecvStats.createRecvStats(builder, base, stats.packetCount(), stats.byteCount(),
                stats.bitrate(), FBS.RtpStream.RecvStats.createBitrateByLayerVector(builder, layers));
        return FBS.RtpStream.Stats.createStats(builder, FBS.RtpStream.StatsData.RecvStats, recv);
    }

    static int packet(FlatBufferBuilder builder, RtpPacketDump packet) {
        int mid = packet.mid() != null ? builder.createString(packet.mid()) : 0;
        int rid = packet.rid() != null ? builder.createString(packet.rid()) : 0;
        int rrid = packet.rrid() != null ? builder.createString(packet.rrid()) : 0;
        FBS.RtpPacket.Dump.startDump(builder);
        FBS.RtpPacket.Dump.addPayloadType(builder, packet.payloadType());
        FBS.RtpPacket.Dump.addSequenceNumber(builder, packet.sequenceNumber());
        FBS.RtpPacket.Dump.addTimestamp(builder, packet.timestamp());
        FBS.RtpPacket.Dump.addMarker(builder, packet.marker());
        FBS.RtpPacket.Dump.addSsrc(builder, packet.ssrc());
        FBS.RtpPacket.Dump.addIsKeyFrame(builder, packet.isKeyFrame());
        FBS.RtpPacket.Dump.addSize(builder, packet.size());
        FBS.RtpPacket.Dump.addPayloadSize(builder, packet.payloadSize());
        FBS.RtpPacket.Dump.addSpatialLayer(builder, packet.spatialLayer());
        FBS.RtpPacket.Dump.addTemporalLayer(builder, packet.temporalLayer());
        if (mid != 0) {
            FBS.RtpPacket.Dump.addMid(builder, mid);
        }
        if (rid != 0) {
            FBS.RtpPacket.Dump.addRid(builder, rid);
        }
        if (rrid != 0) {
            FBS.RtpPacket.Dump.addRrid(builder, rrid);
        }
        if (packet.wideSequenceNumber() != null) {
            Fbs.forced(builder, () -> FBS.RtpPacket.Dump.addWideSequenceNumber(builder, packet.wideSequenceNumber()));
        }
        return FBS.RtpPacket.Dump.endDump(builder);
    }
}
