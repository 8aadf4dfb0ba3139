package io.jmediasoup.rtp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A view of an RTP packet (RFC 3550) in a buffer it does not own, with its header
 * extensions (RFC 8285, one-byte and two-byte). One instance is re-pointed at packet after
 * packet with {@link #parse}: reading and rewriting the header allocate nothing.
 */
public final class RtpPacket {
    public static final int HEADER_SIZE = 12;
    /** "defined by profile" of one-byte header extensions. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Two-byte header extensions: 0x100 in the top 12 bits, "appbits" in the low 4. */
    private static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
    private static final int TWO_BYTE_PROFILE = 0x1000;
    private static final int MAX_EXTENSION_ID = 255;

    private ByteBuf buffer;
    private int start;
    private int size;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;
    private int extensionProfile;
    private int extensionOffset;
    private int extensionLength;
    /** Per extension id, the absolute index of its value, or 0 when absent; cleared per parse. */
    private final int[] extensionValueIndex = new int[MAX_EXTENSION_ID + 1];
    private final int[] extensionValueLength = new int[MAX_EXTENSION_ID + 1];
    private final int[] presentIds = new int[MAX_EXTENSION_ID + 1];
    private int presentCount;
    private boolean keyFrame;
    private int spatialLayer;
    private int temporalLayer;
    private boolean frameDescribed;
    private boolean endOfFrame;
    /** At most this many extensions are staged, and their values fit in {@link #stagedValues}. */
    private static final int MAX_STAGED = 16;
    private final int[] stagedIds = new int[MAX_STAGED];
    private final int[] stagedLengths = new int[MAX_STAGED];
    private final byte[] stagedValues = new byte[MAX_STAGED * 255];
    private int stagedCount;
    private int stagedLength;
    /** The extension elements being built by {@link #writeStagedExtensions}. */
    private final byte[] elements = new byte[MAX_STAGED * (2 + 255)];

    /**
     * Points this view at the readable bytes of {@code data}. Returns false, leaving the
     * view unusable, when they are not a well-formed RTP packet.
     */
    public boolean parse(ByteBuf data) {
        clearExtensions();
        buffer = null;
        keyFrame = false;
        spatialLayer = 0;
        temporalLayer = 0;
        frameDescribed = false;
        endOfFrame = false;
        int begin = data.readerIndex();
        int length = data.readableBytes();
        if (length < HEADER_SIZE) {
            return false;
        }
        int first = data.getUnsignedByte(begin);
        if (first >> 6 != 2) {
            return false;
        }
        int offset = HEADER_SIZE + 4 * (first & 0x0F);
        int profile = 0;
        int blockOffset = 0;
        int blockLength = 0;
        if ((first & 0x10) != 0) {
            if (length < offset + 4) {
                return false;
            }
            profile = data.getUnsignedShort(begin + offset);
            blockLength = 4 * data.getUnsignedShort(begin + offset + 2);
            blockOffset = offset + 4;
            offset = blockOffset + blockLength;
        }
        if (length < offset) {
            return false;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            if (length == offset) {
                return false;
            }
            padding = data.getUnsignedByte(begin + length - 1);
            if (padding == 0 || padding > length - offset) {
                return false;
            }
        }
        buffer = data;
        start = begin;
        size = length;
        payloadOffset = offset;
        payloadLength = length - offset - padding;
        paddingLength = padding;
        extensionProfile = profile;
        extensionOffset = blockOffset;
        extensionLength = blockLength;
        if (hasOneByteExtensions()) {
            indexOneByteExtensions();
        } else if (hasTwoByteExtensions()) {
            indexTwoByteExtensions();
        }
        return true;
    }

    private void clearExtensions() {
        for (int i = 0; i < presentCount; i++) {
            extensionValueIndex[presentIds[i]] = 0;
            extensionValueLength[presentIds[i]] = 0;
        }
        presentCount = 0;
    }

    /** RFC 8285 §4.2: id in the top nibble, length - 1 in the low one; id 15 ends the block. */
    private void indexOneByteExtensions() {
        int index = start + extensionOffset;
        int end = index + extensionLength;
        while (index < end) {
            int header = buffer.getUnsignedByte(index);
            if (header == 0) {
                index++;
                continue;
            }
            int id = header >> 4;
            int length = (header & 0x0F) + 1;
            if (id == 15 || index + 1 + length > end) {
                return;
            }
            record(id, index + 1, length);
            index += 1 + length;
        }
    }

    /** RFC 8285 §4.3: a byte of id and a byte of length; a zero byte is padding. */
    private void indexTwoByteExtensions() {
        int index = start + extensionOffset;
        int end = index + extensionLength;
        while (index + 1 < end) {
            int id = buffer.getUnsignedByte(index);
            if (id == 0) {
                index++;
                continue;
            }
            int length = buffer.getUnsignedByte(index + 1);
            if (index + 2 + length > end) {
                return;
            }
            record(id, index + 2, length);
            index += 2 + length;
        }
    }

    private void record(int id, int valueIndex, int length) {
        if (extensionValueIndex[id] == 0) {
            presentIds[presentCount++] = id;
        }
        extensionValueIndex[id] = valueIndex;
        extensionValueLength[id] = length;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    /** The whole packet's length, padding included. */
    public int size() {
        return size;
    }

    public boolean marker() {
        return (buffer.getByte(start + 1) & 0x80) != 0;
    }

    public void setMarker(boolean marker) {
        int second = buffer.getUnsignedByte(start + 1);
        buffer.setByte(start + 1, marker ? second | 0x80 : second & 0x7F);
    }

    public int payloadType() {
        return buffer.getByte(start + 1) & 0x7F;
    }

    public void setPayloadType(int payloadType) {
        buffer.setByte(start + 1, (buffer.getByte(start + 1) & 0x80) | (payloadType & 0x7F));
    }

    public int sequenceNumber() {
        return buffer.getUnsignedShort(start + 2);
    }

    public void setSequenceNumber(int sequenceNumber) {
        buffer.setShort(start + 2, sequenceNumber);
    }

    public long timestamp() {
        return buffer.getUnsignedInt(start + 4);
    }

    public void setTimestamp(long timestamp) {
        buffer.setInt(start + 4, (int) timestamp);
    }

    public long ssrc() {
        return buffer.getUnsignedInt(start + 8);
    }

    public void setSsrc(long ssrc) {
        buffer.setInt(start + 8, (int) ssrc);
    }

    public int csrcCount() {
        return buffer.getByte(start) & 0x0F;
    }

    public boolean hasHeaderExtension() {
        return extensionOffset != 0;
    }

    /** The header extension's "defined by profile" field, 0 when there is none. */
    public int headerExtensionProfile() {
        return extensionProfile;
    }

    /** The length of the header extension's elements in bytes (not counting its 4-byte header). */
    public int headerExtensionLength() {
        return extensionLength;
    }

    public boolean hasOneByteExtensions() {
        return hasHeaderExtension() && extensionProfile == ONE_BYTE_PROFILE;
    }

    public boolean hasTwoByteExtensions() {
        return hasHeaderExtension() && (extensionProfile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE;
    }

    /** Whether extension {@code id} (1-255; 0 means "not negotiated") is in this packet. */
    public boolean hasExtension(int id) {
        return id > 0 && id <= MAX_EXTENSION_ID && extensionValueIndex[id] != 0;
    }

    /** The absolute buffer index of extension {@code id}'s value; only when {@link #hasExtension}. */
    public int extensionIndex(int id) {
        return extensionValueIndex[id];
    }

    /** The length of extension {@code id}'s value, 0 when absent. */
    public int extensionLength(int id) {
        return hasExtension(id) ? extensionValueLength[id] : 0;
    }

    /**
     * An extension holding an identifier (mid, rid, rrid: RFC 8843, RFC 8852) as a string,
     * or null when absent. Allocates: read it only to route a stream not yet known by ssrc.
     */
    public String extensionString(int id) {
        if (!hasExtension(id)) {
            return null;
        }
        int length = extensionValueLength[id];
        int index = extensionValueIndex[id];
        // Some senders pad the value with zero bytes; they are not part of the identifier.
        while (length > 0 && buffer.getByte(index + length - 1) == 0) {
            length--;
        }
        return length == 0 ? null : buffer.toString(index, length, StandardCharsets.UTF_8);
    }

    /** The payload's offset from the start of the packet. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The absolute buffer index where the payload starts. */
    public int payloadIndex() {
        return start + payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** Whether the payload starts a key frame; set by whoever knows the codec. */
    public boolean isKeyFrame() {
        return keyFrame;
    }

    public void setKeyFrame(boolean keyFrame) {
        this.keyFrame = keyFrame;
    }

    /** The layers its payload descriptor names (0 when it names none); set by whoever knows the codec. */
    public int spatialLayer() {
        return spatialLayer;
    }

    public int temporalLayer() {
        return temporalLayer;
    }

    public void setLayers(int spatialLayer, int temporalLayer) {
        this.spatialLayer = spatialLayer;
        this.temporalLayer = temporalLayer;
    }

    /**
     * What a dependency descriptor told of the packet's frame: its layers and whether the
     * packet ends it. Its key-frame flag is set apart, with {@link #setKeyFrame}.
     */
    public void describeFrame(int spatialLayer, int temporalLayer, boolean endOfFrame) {
        setLayers(spatialLayer, temporalLayer);
        this.endOfFrame = endOfFrame;
        frameDescribed = true;
    }

    /** Whether {@link #describeFrame} told this packet's frame. */
    public boolean frameDescribed() {
        return frameDescribed;
    }

    /** Whether the packet ends its frame, as described; false when not described. */
    public boolean endOfFrame() {
        return endOfFrame;
    }

    /**
     * Turns an RTX packet (RFC 4588 §4) back into the original in place: the sequence number
     * from its first two payload bytes (OSN), the given payload type and SSRC, the rest of the
     * payload moved up over the OSN and any padding dropped. The buffer's writer index follows
     * the new end. Returns false, changing nothing, when the payload has no OSN.
     */
    public boolean rtxDecode(int payloadType, long ssrc) {
        if (payloadLength < 2) {
            return false;
        }
        int payloadIndex = start + payloadOffset;
        int originalSeq = buffer.getUnsignedShort(payloadIndex);
        buffer.setBytes(payloadIndex, buffer, payloadIndex + 2, payloadLength - 2);
        payloadLength -= 2;
        paddingLength = 0;
        size = payloadOffset + payloadLength;
        buffer.setByte(start, buffer.getByte(start) & ~0x20);
        buffer.writerIndex(start + size);
        setSequenceNumber(originalSeq);
        setPayloadType(payloadType);
        setSsrc(ssrc);
        return true;
    }

    /**
     * Writes this packet as RTX (RFC 4588 §4) to {@code out}: the same header and extensions
     * with the RTX payload type, SSRC and sequence number, then the original sequence number
     * and the payload, without padding.
     */
    public void writeRtx(ByteBuf out, int rtxPayloadType, long rtxSsrc, int rtxSequenceNumber) {
        int headerIndex = out.writerIndex();
        out.writeBytes(buffer, start, payloadOffset);
        out.setByte(headerIndex, out.getByte(headerIndex) & ~0x20);
        out.setByte(headerIndex + 1, (out.getByte(headerIndex + 1) & 0x80) | (rtxPayloadType & 0x7F));
        out.setShort(headerIndex + 2, rtxSequenceNumber);
        out.setInt(headerIndex + 8, (int) rtxSsrc);
        out.writeShort(sequenceNumber());
        out.writeBytes(buffer, start + payloadOffset, payloadLength);
    }

    /** Starts staging a new set of header extensions, written by {@link #writeStagedExtensions}. */
    public void clearStagedExtensions() {
        stagedCount = 0;
        stagedLength = 0;
    }

    /**
     * Stages extension {@code id} with the value of this packet's extension {@code fromId};
     * nothing, returning false, when that is absent or empty.
     */
    public boolean stageExtension(int id, int fromId) {
        int length = extensionLength(fromId);
        if (length == 0 || stagedCount == MAX_STAGED) {
            return false;
        }
        buffer.getBytes(extensionValueIndex[fromId], stagedValues, stagedLength, length);
        stage(id, length);
        return true;
    }

    /** Stages extension {@code id} with {@code length} (1-255) zero bytes, for a writer once written. */
    public void stageZeroExtension(int id, int length) {
        if (stagedCount == MAX_STAGED) {
            return;
        }
        Arrays.fill(stagedValues, stagedLength, stagedLength + length, (byte) 0);
        stage(id, length);
    }

    private void stage(int id, int length) {
        stagedIds[stagedCount] = id;
        stagedLengths[stagedCount++] = length;
        stagedLength += length;
    }

    /**
     * Replaces the header extensions with the staged ones (RFC 8285): one-byte elements when
     * every id is below 15 and every value at most 16 bytes, else two-byte ones. The block is
     * rewritten in place when it fits in the old one (zero bytes pad it), else the packet is
     * copied into {@code spare} with room for it and this view moves there. Either way the
     * view is parsed again.
     */
    public void writeStagedExtensions(ByteBuf spare) {
        boolean twoByte = false;
        for (int i = 0; i < stagedCount; i++) {
            twoByte |= stagedIds[i] > 14 || stagedLengths[i] > 16;
        }
        int length = 0;
        int valueIndex = 0;
        for (int i = 0; i < stagedCount; i++) {
            int valueLength = stagedLengths[i];
            if (twoByte) {
                elements[length++] = (byte) stagedIds[i];
                elements[length++] = (byte) valueLength;
            } else {
                elements[length++] = (byte) (stagedIds[i] << 4 | (valueLength - 1));
            }
            System.arraycopy(stagedValues, valueIndex, elements, length, valueLength);
            length += valueLength;
            valueIndex += valueLength;
        }
        int profile = twoByte ? TWO_BYTE_PROFILE : ONE_BYTE_PROFILE;
        int blockLength = (length + 3) & ~3;
        int headerLength = HEADER_SIZE + 4 * csrcCount();
        if (hasHeaderExtension() && blockLength <= extensionLength) {
            int index = start + extensionOffset;
            buffer.setShort(index - 4, profile);
            buffer.setBytes(index, elements, 0, length);
            buffer.setZero(index + length, extensionLength - length);
            reparse(buffer);
            return;
        }
        if (length == 0) {
            return;
        }
        spare.clear();
        spare.writeBytes(buffer, start, headerLength);
        spare.setByte(0, spare.getByte(0) | 0x10);
        spare.writeShort(profile);
        spare.writeShort(blockLength / 4);
        spare.writeBytes(elements, 0, length);
        spare.writeZero(blockLength - length);
        spare.writeBytes(buffer, start + payloadOffset, payloadLength + paddingLength);
        reparse(spare);
    }

    /** Parses the rewritten packet again, keeping what was learnt of its payload. */
    private void reparse(ByteBuf data) {
        boolean wasKeyFrame = keyFrame;
        int wasSpatialLayer = spatialLayer;
        int wasTemporalLayer = temporalLayer;
        boolean wasDescribed = frameDescribed;
        boolean wasEndOfFrame = endOfFrame;
        parse(data);
        keyFrame = wasKeyFrame;
        spatialLayer = wasSpatialLayer;
        temporalLayer = wasTemporalLayer;
        frameDescribed = wasDescribed;
        endOfFrame = wasEndOfFrame;
    }

    /**
     * Writes {@code value} (ASCII, at most the reserved length) into extension {@code id},
     * whose length as parsed is the room reserved for it; an empty value turns the element
     * into padding. Does nothing when the extension is absent.
     */
    public void updateStringExtension(int id, String value) {
        if (!hasExtension(id)) {
            return;
        }
        int index = extensionValueIndex[id];
        int room = extensionValueLength[id];
        int length = Math.min(value.length(), room);
        int headerLength = hasTwoByteExtensions() ? 2 : 1;
        if (length == 0) {
            buffer.setZero(index - headerLength, room + headerLength);
            return;
        }
        if (headerLength == 2) {
            buffer.setByte(index - 1, length);
        } else {
            buffer.setByte(index - 1, id << 4 | (length - 1));
        }
        for (int i = 0; i < length; i++) {
            buffer.setByte(index + i, value.charAt(i));
        }
        buffer.setZero(index + length, room - length);
    }

    /** Sets abs-send-time (a 6.18 fixed-point count of seconds, 24 bits) to {@code nowMs}, if present. */
    public void updateAbsSendTime(int id, long nowMs) {
        if (extensionLength(id) == 3) {
            buffer.setMedium(extensionValueIndex[id], (int) ((((nowMs << 18) + 500) / 1000) & 0xFFFFFF));
        }
    }

    @Override
    public String toString() {
        if (buffer == null) {
            return "RtpPacket[unparsed]";
        }
        return "RtpPacket[pt:" + payloadType() + ", seq:" + sequenceNumber() + ", ts:" + timestamp() + ", ssrc:"
                + ssrc() + ", marker:" + marker() + ", payload:" + payloadLength + ", padding:" + paddingLength
                + ", extensions:" + Arrays.toString(Arrays.copyOf(presentIds, presentCount)) + "]";
    }
}
