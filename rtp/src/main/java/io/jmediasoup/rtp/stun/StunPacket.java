package io.jmediasoup.rtp.stun;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * A view of a STUN message (RFC 5389) in a buffer it does not own, with the attributes ICE
 * uses (RFC 8445). One instance is re-pointed at message after message with {@link #parse},
 * which applies the C++ worker's rules: a wrong length, an attribute after MESSAGE-INTEGRITY
 * other than FINGERPRINT, anything after FINGERPRINT, a wrong attribute size or a wrong
 * FINGERPRINT rejects the whole message.
 */
public final class StunPacket {
    public static final int HEADER_SIZE = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int METHOD_BINDING = 0x001;

    static final int ATTR_USERNAME = 0x0006;
    static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    static final int ATTR_ERROR_CODE = 0x0009;
    static final int ATTR_XOR_MAPPED_ADDRESS = 0x0020;
    static final int ATTR_PRIORITY = 0x0024;
    static final int ATTR_USE_CANDIDATE = 0x0025;
    /** Renomination's NOMINATION (draft-thatcher-ice-renomination) and the value libwebrtc used before it. */
    static final int ATTR_NOMINATION = 0x0030;
    static final int ATTR_NOMINATION_OLD = 0xC001;
    static final int ATTR_FINGERPRINT = 0x8028;
    static final int ATTR_ICE_CONTROLLED = 0x8029;
    static final int ATTR_ICE_CONTROLLING = 0x802A;
    static final int MESSAGE_INTEGRITY_SIZE = 20;

    /** A parser that reads NOMINATION attributes, as mediasoup 3.32's. */
    public StunPacket() {
        this(true);
    }

    public StunPacket(boolean readsNomination) {
        this.readsNomination = readsNomination;
    }

    /** The two class bits of the message type. */
    public enum MessageClass {
        REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE;

        private static final MessageClass[] BY_BITS = values();
    }

    /** What {@link #checkAuthentication} found. */
    public enum Authentication {
        OK, UNAUTHORIZED, BAD_REQUEST
    }

    private final StunFingerprint fingerprintOf = new StunFingerprint();
    /** Whether NOMINATION attributes are read (mediasoup 3.32), or left unknown as 3.8.4's parser leaves them. */
    private final boolean readsNomination;
    private ByteBuf buffer;
    private int start;
    private int size;
    private MessageClass messageClass;
    private int method;
    private int usernameIndex;
    private int usernameLength;
    private long priority;
    private long iceControlling;
    private long iceControlled;
    private boolean useCandidate;
    private boolean hasNomination;
    private long nomination;
    /** Whether the NOMINATION in {@link #nomination} is the current attribute, which wins over the old one. */
    private boolean nominationIsCurrent;
    /** Offset of the MESSAGE-INTEGRITY attribute from the start, or -1. */
    private int messageIntegrityOffset;
    private boolean fingerprint;
    private int errorCode;
    /** Offset of the XOR-MAPPED-ADDRESS value from the start, or -1. */
    private int xorMappedAddressOffset;
    private int xorMappedAddressLength;

    /**
     * What RFC 7983 calls STUN on a media 5-tuple: at least a header, a first byte below 3 and
     * the magic cookie.
     */
    public static boolean isStun(ByteBuf data) {
        int begin = data.readerIndex();
        return data.readableBytes() >= HEADER_SIZE && data.getUnsignedByte(begin) < 3
                && data.getInt(begin + 4) == MAGIC_COOKIE;
    }

    /**
     * Points this view at the readable bytes of {@code data}. Returns false, leaving the view
     * unusable, when they are not a well-formed STUN message.
     */
    public boolean parse(ByteBuf data) {
        buffer = null;
        if (!isStun(data)) {
            return false;
        }
        int begin = data.readerIndex();
        int length = data.readableBytes();
        int type = data.getUnsignedShort(begin);
        int messageLength = data.getUnsignedShort(begin + 2);
        if (messageLength != length - HEADER_SIZE || (messageLength & 0x03) != 0) {
            return false;
        }
        reset();
        method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        messageClass = MessageClass.BY_BITS[((type >> 7) & 0x02) | ((type >> 4) & 0x01)];
        int position = HEADER_SIZE;
        int fingerprintOffset = -1;
        while (position + 4 <= length) {
            int attributeType = data.getUnsignedShort(begin + position);
            int attributeLength = data.getUnsignedShort(begin + position + 2);
            int value = position + 4;
            if (value + attributeLength > length || fingerprintOffset >= 0
                    || (messageIntegrityOffset >= 0 && attributeType != ATTR_FINGERPRINT)) {
                return false;
            }
            if (!readAttribute(data, begin, attributeType, value, attributeLength)) {
                return false;
            }
            if (attributeType == ATTR_FINGERPRINT) {
                fingerprintOffset = position;
            }
            // Within the message: its length is a multiple of 4.
            position = (value + attributeLength + 3) & ~3;
        }
        if (fingerprintOffset >= 0
                && data.getInt(begin + fingerprintOffset + 4) != fingerprintOf.of(data, begin, fingerprintOffset)) {
            return false;
        }
        buffer = data;
        start = begin;
        size = length;
        return true;
    }

    private void reset() {
        usernameIndex = 0;
        usernameLength = 0;
        priority = 0;
        iceControlling = 0;
        iceControlled = 0;
        useCandidate = false;
        hasNomination = false;
        nomination = 0;
        nominationIsCurrent = false;
        messageIntegrityOffset = -1;
        fingerprint = false;
        errorCode = 0;
        xorMappedAddressOffset = -1;
        xorMappedAddressLength = 0;
    }

    /** Reads one attribute; false when its size is wrong for its type. */
    private boolean readAttribute(ByteBuf data, int begin, int type, int value, int length) {
        int index = begin + value;
        switch (type) {
            case ATTR_USERNAME:
                usernameIndex = index;
                usernameLength = length;
                return true;
            case ATTR_PRIORITY:
                priority = length == 4 ? data.getUnsignedInt(index) : 0;
                return length == 4;
            case ATTR_ICE_CONTROLLING:
                iceControlling = length == 8 ? data.getLong(index) : 0;
                return length == 8;
            case ATTR_ICE_CONTROLLED:
                iceControlled = length == 8 ? data.getLong(index) : 0;
                return length == 8;
            case ATTR_USE_CANDIDATE:
                useCandidate = true;
                return length == 0;
            case ATTR_NOMINATION:
            case ATTR_NOMINATION_OLD:
                if (!readsNomination) {
                    return true;
                }
                if (length != 4) {
                    return false;
                }
                if (!nominationIsCurrent) {
                    nomination = data.getUnsignedInt(index);
                    nominationIsCurrent = type == ATTR_NOMINATION;
                }
                hasNomination = true;
                return true;
            case ATTR_MESSAGE_INTEGRITY:
                messageIntegrityOffset = value - 4;
                return length == MESSAGE_INTEGRITY_SIZE;
            case ATTR_FINGERPRINT:
                fingerprint = true;
                return length == 4;
            case ATTR_ERROR_CODE:
                if (length < 4) {
                    return false;
                }
                errorCode = (data.getUnsignedByte(index + 2) & 0x07) * 100 + data.getUnsignedByte(index + 3);
                return true;
            case ATTR_XOR_MAPPED_ADDRESS:
                xorMappedAddressOffset = value;
                xorMappedAddressLength = length;
                return true;
            default:
                return true;
        }
    }

    public MessageClass messageClass() {
        return messageClass;
    }

    /** The 12-bit method; {@link #METHOD_BINDING} for ICE. */
    public int method() {
        return method;
    }

    /** The whole message's size in bytes. */
    public int size() {
        return size;
    }

    /** Copies the 96-bit transaction id into {@code out} at {@code index}. */
    void copyTransactionId(ByteBuf out, int index) {
        out.setBytes(index, buffer, start + 8, 12);
    }

    /** The USERNAME as text (allocates), or "" when absent. */
    public String username() {
        return usernameLength == 0 ? "" : buffer.toString(usernameIndex, usernameLength, StandardCharsets.UTF_8);
    }

    public boolean hasUsername() {
        return usernameLength > 0;
    }

    /** The PRIORITY, or 0 when absent. */
    public long priority() {
        return priority;
    }

    /** The ICE-CONTROLLING tie-breaker, or 0 when absent. */
    public long iceControlling() {
        return iceControlling;
    }

    /** The ICE-CONTROLLED tie-breaker, or 0 when absent. */
    public long iceControlled() {
        return iceControlled;
    }

    public boolean hasUseCandidate() {
        return useCandidate;
    }

    /** Whether a NOMINATION attribute (either type) is present. */
    public boolean hasNomination() {
        return hasNomination;
    }

    /** The NOMINATION value (the current attribute's when both are present), or 0 when absent. */
    public long nomination() {
        return nomination;
    }

    public boolean hasMessageIntegrity() {
        return messageIntegrityOffset >= 0;
    }

    public boolean hasFingerprint() {
        return fingerprint;
    }

    /** The ERROR-CODE (class * 100 + number), or 0 when absent. */
    public int errorCode() {
        return errorCode;
    }

    /** The XOR-MAPPED-ADDRESS (allocates), or null when absent or of an unknown family. */
    public InetSocketAddress xorMappedAddress() {
        if (xorMappedAddressOffset < 0 || xorMappedAddressLength < 8) {
            return null;
        }
        int index = start + xorMappedAddressOffset;
        int family = buffer.getUnsignedByte(index + 1);
        int port = buffer.getUnsignedShort(index + 2) ^ (MAGIC_COOKIE >>> 16);
        byte[] address;
        if (family == 0x01) {
            address = new byte[4];
        } else if (family == 0x02 && xorMappedAddressLength >= 20) {
            address = new byte[16];
        } else {
            return null;
        }
        for (int i = 0; i < address.length; i++) {
            // The cookie and then the transaction id, which follow it in the header.
            address[i] = (byte) (buffer.getByte(index + 4 + i) ^ buffer.getByte(start + 4 + i));
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    /**
     * Whether USERNAME starts with our {@code localUsernameFragment} and a colon and
     * MESSAGE-INTEGRITY is the HMAC-SHA1 of {@code integrity}'s password (RFC 8445 §7.2.2);
     * BAD_REQUEST when either is missing or this is a response.
     */
    public Authentication checkAuthentication(byte[] localUsernameFragment, MessageIntegrity integrity) {
        if (messageClass != MessageClass.REQUEST && messageClass != MessageClass.INDICATION) {
            return Authentication.BAD_REQUEST;
        }
        if (messageIntegrityOffset < 0 || usernameLength == 0) {
            return Authentication.BAD_REQUEST;
        }
        int fragmentLength = localUsernameFragment.length;
        if (usernameLength <= fragmentLength || buffer.getByte(usernameIndex + fragmentLength) != ':') {
            return Authentication.UNAUTHORIZED;
        }
        for (int i = 0; i < fragmentLength; i++) {
            if (buffer.getByte(usernameIndex + i) != localUsernameFragment[i]) {
                return Authentication.UNAUTHORIZED;
            }
        }
        // The length field covers the message up to MESSAGE-INTEGRITY's end, not FINGERPRINT.
        int lengthField = messageIntegrityOffset + 4 + MESSAGE_INTEGRITY_SIZE - HEADER_SIZE;
        return integrity.matches(buffer, start, messageIntegrityOffset, lengthField)
                ? Authentication.OK : Authentication.UNAUTHORIZED;
    }
}
