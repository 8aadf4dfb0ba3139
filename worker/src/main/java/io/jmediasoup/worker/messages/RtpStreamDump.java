package io.jmediasoup.worker.messages;

/**
 * A producer's or consumer's RTP stream in a dump: its params and score. {@code rtxSsrc} is 0
 * when no RTX stream is paired; the RTX stream's own params follow from these.
 */
public record RtpStreamDump(int encodingIdx, long ssrc, int payloadType, String mimeType, long clockRate, String rid,
        String cname, long rtxSsrc, int rtxPayloadType, boolean useNack, boolean usePli, boolean useFir,
        boolean useInBandFec, boolean useDtx, int spatialLayers, int temporalLayers, int score) {
    public boolean hasRtx() {
        return rtxSsrc != 0;
    }

    /** The RTX stream's MIME type: the media kind's "rtx". */
    public String rtxMimeType() {
        return mimeType.substring(0, mimeType.indexOf('/')) + "/rtx";
    }
}
