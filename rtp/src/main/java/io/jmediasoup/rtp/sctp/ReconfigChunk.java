package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/**
 * RE-CONFIG (RFC 6525 §3.1) and the parameters it carries: outgoing and incoming SSN reset
 * requests and the response; stream additions are refused.
 */
final class ReconfigChunk {
    static final int OUTGOING_SSN_RESET_REQUEST = 13;
    static final int INCOMING_SSN_RESET_REQUEST = 14;
    static final int RESPONSE = 16;
    static final int ADD_OUTGOING_STREAMS_REQUEST = 17;
    static final int ADD_INCOMING_STREAMS_REQUEST = 18;

    static final int RESULT_SUCCESS_PERFORMED = 1;
    static final int RESULT_DENIED = 2;
    static final int RESULT_ERROR_BAD_SEQUENCE_NUMBER = 5;
    static final int RESULT_IN_PROGRESS = 6;

    /** Visits each parameter of a RE-CONFIG chunk: its type, where it starts and its length field. */
    interface ParameterVisitor {
        void parameter(int type, ByteBuf buffer, int index, int length);
    }

    private ReconfigChunk() {}

    /** Visits the parameters; false when one is malformed (then none after it is visited). */
    static boolean forEachParameter(ChunkReader reader, ParameterVisitor visitor) {
        ByteBuf buffer = reader.buffer();
        int param = reader.valueIndex();
        int end = reader.index() + reader.length();
        while (param < end) {
            if (end - param < 4) {
                return false;
            }
            int type = buffer.getUnsignedShort(param);
            int length = buffer.getUnsignedShort(param + 2);
            if (length < 8 || length > end - param || !wellFormed(type, length)) {
                return false;
            }
            visitor.parameter(type, buffer, param, length);
            param += (length + 3) & ~3;
        }
        return true;
    }

    private static boolean wellFormed(int type, int length) {
        switch (type) {
            case OUTGOING_SSN_RESET_REQUEST:
                return length >= 16 && length % 2 == 0;
            case INCOMING_SSN_RESET_REQUEST:
                return length % 2 == 0;
            case RESPONSE:
                return length >= 12;
            default:
                return true;
        }
    }

    static long requestSequence(ByteBuf buffer, int param) {
        return buffer.getUnsignedInt(param + 4);
    }

    /** Outgoing SSN Reset Request: the last TSN the sender assigned before the reset. */
    static long senderLastTsn(ByteBuf buffer, int param) {
        return buffer.getUnsignedInt(param + 12);
    }

    /** The stream ids of a reset request (none means all streams). */
    static int[] streamIds(ByteBuf buffer, int param, int length) {
        int first = buffer.getUnsignedShort(param) == OUTGOING_SSN_RESET_REQUEST ? 16 : 8;
        int[] ids = new int[(length - first) / 2];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = buffer.getUnsignedShort(param + first + 2 * i);
        }
        return ids;
    }

    static long responseResult(ByteBuf buffer, int param) {
        return buffer.getUnsignedInt(param + 8);
    }

    static void writeOutgoingResetRequest(ByteBuf out, long requestSequence, long responseSequence,
            long senderLastTsn, int[] streamIds) {
        int length = 16 + 2 * streamIds.length;
        writeChunkHeader(out, length);
        out.writeShort(OUTGOING_SSN_RESET_REQUEST);
        out.writeShort(length);
        out.writeInt((int) requestSequence);
        out.writeInt((int) responseSequence);
        out.writeInt((int) senderLastTsn);
        for (int id : streamIds) {
            out.writeShort(id);
        }
        Chunks.pad(out, length);
    }

    static void writeIncomingResetRequest(ByteBuf out, long requestSequence, int[] streamIds) {
        int length = 8 + 2 * streamIds.length;
        writeChunkHeader(out, length);
        out.writeShort(INCOMING_SSN_RESET_REQUEST);
        out.writeShort(length);
        out.writeInt((int) requestSequence);
        for (int id : streamIds) {
            out.writeShort(id);
        }
        Chunks.pad(out, length);
    }

    static void writeResponse(ByteBuf out, long responseSequence, int result) {
        writeChunkHeader(out, 12);
        out.writeShort(RESPONSE);
        out.writeShort(12);
        out.writeInt((int) responseSequence);
        out.writeInt(result);
    }

    private static void writeChunkHeader(ByteBuf out, int parameterLength) {
        out.writeByte(ChunkType.RE_CONFIG);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + parameterLength);
    }
}
