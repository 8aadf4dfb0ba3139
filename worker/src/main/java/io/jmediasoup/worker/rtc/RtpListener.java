package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.rtp.RtpPacket;
import io.netty.util.collection.LongObjectHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a transport finds the producer of an incoming RTP packet: by SSRC, then MID, then RID.
 * Two producers of one transport may not claim the same key.
 */
final class RtpListener {
    private final LongObjectHashMap<Producer> ssrcTable = new LongObjectHashMap<>();
    private final Map<String, Producer> midTable = new LinkedHashMap<>();
    private final Map<String, Producer> ridTable = new LinkedHashMap<>();

    /** Claims the producer's keys; on a clash nothing is claimed and the C++ error is thrown. */
    void addProducer(Producer producer) {
        try {
            for (RtpEncodingParameters encoding : producer.rtpParameters.encodings()) {
                claimSsrc(encoding.ssrc(), producer, "ssrc");
                claimSsrc(encoding.rtxSsrc(), producer, "RTX ssrc");
            }
            String mid = producer.rtpParameters.mid();
            if (!mid.isEmpty()) {
                if (midTable.containsKey(mid)) {
                    throw new MediasoupError("MID already exists in RTP listener [mid:" + mid + "]");
                }
                midTable.put(mid, producer);
            }
            for (RtpEncodingParameters encoding : producer.rtpParameters.encodings()) {
                String rid = encoding.rid();
                if (rid.isEmpty()) {
                    continue;
                }
                if (!ridTable.containsKey(rid)) {
                    ridTable.put(rid, producer);
                } else if (mid.isEmpty()) {
                    throw new MediasoupError("RID already exists in RTP listener and no MID is given [rid:" + rid + "]");
                }
            }
        } catch (MediasoupError clash) {
            removeProducer(producer);
            throw clash;
        }
    }

    private void claimSsrc(long ssrc, Producer producer, String what) {
        if (ssrc == 0) {
            return;
        }
        if (ssrcTable.containsKey(ssrc)) {
            throw new MediasoupError(what + " already exists in RTP listener [ssrc:" + ssrc + "]");
        }
        ssrcTable.put(ssrc, producer);
    }

    void removeProducer(Producer producer) {
        ssrcTable.values().removeIf(producer::equals);
        midTable.values().removeIf(producer::equals);
        ridTable.values().removeIf(producer::equals);
    }

    /**
     * The producer of a packet: by SSRC, else by the MID or RID (or repaired RID) extension,
     * in which case its SSRC is remembered for the packets that follow.
     */
    Producer producerOf(RtpPacket packet, RtpExtensionIds extensionIds) {
        Producer producer = ssrcTable.get(packet.ssrc());
        if (producer != null) {
            return producer;
        }
        String mid = extensionIds.readMid(packet);
        producer = mid != null ? midTable.get(mid) : null;
        if (producer == null) {
            String rid = extensionIds.readRid(packet);
            producer = rid != null ? ridTable.get(rid) : null;
        }
        if (producer != null) {
            ssrcTable.put(packet.ssrc(), producer);
        }
        return producer;
    }

    /** The producer that claimed {@code ssrc}, or null. */
    Producer producerOf(long ssrc) {
        return ssrcTable.get(ssrc);
    }

    TransportDump.RtpListener dump() {
        Map<Long, String> ssrcs = new LinkedHashMap<>();
        ssrcTable.forEach((ssrc, producer) -> ssrcs.put(ssrc, producer.id));
        Map<String, String> mids = new LinkedHashMap<>();
        midTable.forEach((mid, producer) -> mids.put(mid, producer.id));
        Map<String, String> rids = new LinkedHashMap<>();
        ridTable.forEach((rid, producer) -> rids.put(rid, producer.id));
        return new TransportDump.RtpListener(ssrcs, mids, rids);
    }
}
