package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;

/**
 * What data producers and consumers share: type "sctp" (over the transport's SCTP
 * association, on one stream) or "direct" (over the channel), label, protocol and whether
 * the application paused it.
 */
abstract class DataEndpoint {
    final String id;
    final DataType type;
    /** Null for a direct one. */
    final SctpStreamParameters sctpStreamParameters;
    final String label;
    final String protocol;
    boolean paused;

    DataEndpoint(String id, DataType type, SctpStreamParameters sctpStreamParameters, String label, String protocol,
            boolean paused) {
        this.id = id;
        this.type = type;
        this.sctpStreamParameters = type == DataType.SCTP ? sctpStreamParameters : null;
        this.label = label;
        this.protocol = protocol;
        this.paused = paused;
    }

    boolean isSctp() {
        return type == DataType.SCTP;
    }
}
