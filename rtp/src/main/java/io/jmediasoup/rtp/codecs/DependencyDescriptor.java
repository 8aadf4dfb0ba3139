package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/**
 * The dependency descriptor RTP header extension of one received stream (AV1 RTP
 * specification, Appendix A), which AV1, and H264 when it has layers, carry their layers in.
 * Key frames bring the template dependency structure; every packet names one of its templates,
 * and so its spatial and temporal layer. One instance per stream keeps the last structure
 * and reads packet after packet against it, allocating nothing once it holds one.
 *
 * <p>As mediasoup's worker, it reads what it needs to tell layers apart and nothing of the
 * frame's own custom fields; a descriptor whose structure is incomplete leaves the stream's
 * structure as it was.
 */
public final class DependencyDescriptor {
    public static final String URI = "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension";
    /** The spec's MaxTemplates: template ids are 6 bits. */
    private static final int MAX_TEMPLATES = 64;
    /** The longest value of a two-byte header extension (RFC 8285 §4.3). */
    private static final int MAX_LENGTH = 255;

    /** A template dependency structure (§A.8.3): each template's layers. */
    private static final class Structure {
        int templateIdOffset;
        int decodeTargetCount;
        int templateCount;
        final int[] spatialIds = new int[MAX_TEMPLATES];
        final int[] temporalIds = new int[MAX_TEMPLATES];
        int maxSpatialId;
        int maxTemporalId;
    }

    private Structure structure;
    /** Where a new structure is read before it replaces the stream's. */
    private Structure incoming = new Structure();
    private ByteBuf buffer;
    private int bitIndex;
    private int bitEnd;

    private boolean startOfFrame;
    private boolean endOfFrame;
    private int templateId;
    private int frameNumber;
    private boolean keyFrame;
    private int spatialLayer;
    private int temporalLayer;
    private long activeDecodeTargets;

    /**
     * Reads the descriptor of {@code length} bytes at {@code index}. Returns false when it
     * is too short or truncated, or names a template the stream's structure does not have
     * (as before any key frame); a structure it brought is kept even then.
     */
    public boolean parse(ByteBuf data, int index, int length) {
        if (length < 3 || length > MAX_LENGTH) {
            return false;
        }
        buffer = data;
        bitIndex = index * 8;
        bitEnd = (index + length) * 8;
        startOfFrame = bits(1) == 1;
        endOfFrame = bits(1) == 1;
        templateId = bits(6);
        frameNumber = bits(16);
        keyFrame = false;
        activeDecodeTargets = -1;
        if (length > 3 && !readExtendedFields()) {
            return false;
        }
        return readFrameDependencyDefinition();
    }

    /** §A.8.2: the flags, then a new structure and the active decode targets when present. */
    private boolean readExtendedFields() {
        if (left() < 5) {
            return false;
        }
        boolean structurePresent = bits(1) == 1;
        boolean activeDecodeTargetsPresent = bits(1) == 1;
        // custom_dtis_flag, custom_fdiffs_flag, custom_chains_flag: what they add is not needed to tell layers apart.
        bits(3);
        if (structurePresent) {
            if (!readStructure()) {
                return false;
            }
            Structure read = incoming;
            incoming = structure != null ? structure : new Structure();
            structure = read;
            keyFrame = true;
            activeDecodeTargets = (1L << structure.decodeTargetCount) - 1;
        }
        if (activeDecodeTargetsPresent) {
            if (structure == null || left() < structure.decodeTargetCount) {
                return false;
            }
            activeDecodeTargets = bits(structure.decodeTargetCount) & 0xFFFFFFFFL;
        }
        return true;
    }

    /** §A.8.3, into {@link #incoming}. */
    private boolean readStructure() {
        if (left() < 11) {
            return false;
        }
        Structure read = incoming;
        read.templateIdOffset = bits(6);
        read.decodeTargetCount = bits(5) + 1;
        return readTemplateLayers(read) && skipTemplateDtis(read) && skipTemplateFdiffs(read)
                && skipTemplateChains(read) && skipRenderResolutions(read);
    }

    /** §A.8.3.1: next_layer_idc 0 repeats the layers, 1 the next temporal one, 2 the next spatial one, 3 ends. */
    private boolean readTemplateLayers(Structure read) {
        int spatialId = 0;
        int temporalId = 0;
        int maxTemporalId = 0;
        int count = 0;
        int nextLayerIdc;
        do {
            if (count == MAX_TEMPLATES || left() < 2) {
                return false;
            }
            read.spatialIds[count] = spatialId;
            read.temporalIds[count] = temporalId;
            count++;
            nextLayerIdc = bits(2);
            if (nextLayerIdc == 1) {
                temporalId++;
                maxTemporalId = Math.max(maxTemporalId, temporalId);
            } else if (nextLayerIdc == 2) {
                temporalId = 0;
                spatialId++;
            }
        } while (nextLayerIdc != 3);
        read.templateCount = count;
        read.maxSpatialId = spatialId;
        read.maxTemporalId = maxTemporalId;
        return true;
    }

    /** §A.8.3.2: a 2-bit decode target indication per template and decode target. */
    private boolean skipTemplateDtis(Structure read) {
        int bits = 2 * read.templateCount * read.decodeTargetCount;
        if (left() < bits) {
            return false;
        }
        bitIndex += bits;
        return true;
    }

    /** §A.8.3.3: per template, 4-bit frame diffs each behind a follows flag. */
    private boolean skipTemplateFdiffs(Structure read) {
        for (int template = 0; template < read.templateCount; template++) {
            if (left() < 1) {
                return false;
            }
            while (bits(1) == 1) {
                if (left() < 5) {
                    return false;
                }
                bits(4);
            }
        }
        return true;
    }

    /** §A.8.3.4: the chain count, each decode target's protecting chain, a 4-bit diff per template and chain. */
    private boolean skipTemplateChains(Structure read) {
        int chainCount = ns(read.decodeTargetCount + 1);
        if (chainCount < 0) {
            return false;
        }
        if (chainCount == 0) {
            return true;
        }
        for (int target = 0; target < read.decodeTargetCount; target++) {
            if (ns(chainCount) < 0) {
                return false;
            }
        }
        int bits = 4 * read.templateCount * chainCount;
        if (left() < bits) {
            return false;
        }
        bitIndex += bits;
        return true;
    }

    /** §A.8.3.5: when present, a 16-bit width and height less one per spatial layer. */
    private boolean skipRenderResolutions(Structure read) {
        if (left() < 1) {
            return false;
        }
        if (bits(1) == 0) {
            return true;
        }
        int bits = 32 * (read.maxSpatialId + 1);
        if (left() < bits) {
            return false;
        }
        bitIndex += bits;
        return true;
    }

    /** §A.8.4: the template the frame follows, counted from the structure's offset. */
    private boolean readFrameDependencyDefinition() {
        if (structure == null) {
            return false;
        }
        int templateIndex = (templateId + MAX_TEMPLATES - structure.templateIdOffset) % MAX_TEMPLATES;
        if (templateIndex >= structure.templateCount) {
            return false;
        }
        spatialLayer = structure.spatialIds[templateIndex];
        temporalLayer = structure.temporalIds[templateIndex];
        return true;
    }

    private int left() {
        return bitEnd - bitIndex;
    }

    /** The next {@code count} bits (at most 32), most significant first. */
    private int bits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int octet = buffer.getUnsignedByte(bitIndex >> 3);
            value = value << 1 | (octet >> (7 - (bitIndex & 7))) & 1;
            bitIndex++;
        }
        return value;
    }

    /** ns(n) of the AV1 specification (§4.10.7): a value below n in as few bits as fit; -1 when truncated. */
    private int ns(int n) {
        int width = 32 - Integer.numberOfLeadingZeros(n);
        int m = (1 << width) - n;
        if (left() < width - 1) {
            return -1;
        }
        int value = bits(width - 1);
        if (value < m) {
            return value;
        }
        if (left() < 1) {
            return -1;
        }
        return (value << 1) - m + bits(1);
    }

    public boolean startOfFrame() {
        return startOfFrame;
    }

    public boolean endOfFrame() {
        return endOfFrame;
    }

    public int templateId() {
        return templateId;
    }

    public int frameNumber() {
        return frameNumber;
    }

    /** Whether the descriptor brought a template dependency structure, which only key frames do. */
    public boolean isKeyFrame() {
        return keyFrame;
    }

    public int spatialLayer() {
        return spatialLayer;
    }

    public int temporalLayer() {
        return temporalLayer;
    }

    /** The active decode targets, one bit each from the lowest, or -1 when the descriptor gave none. */
    public long activeDecodeTargets() {
        return activeDecodeTargets;
    }

    /** The decode targets of the stream's structure, 0 before any. */
    public int decodeTargetCount() {
        return structure != null ? structure.decodeTargetCount : 0;
    }

    /** The templates of the stream's structure, 0 before any. */
    public int templateCount() {
        return structure != null ? structure.templateCount : 0;
    }

    /** The highest spatial layer id of the stream's structure. */
    public int maxSpatialId() {
        return structure != null ? structure.maxSpatialId : 0;
    }

    /** The highest temporal layer id of the stream's structure. */
    public int maxTemporalId() {
        return structure != null ? structure.maxTemporalId : 0;
    }
}
