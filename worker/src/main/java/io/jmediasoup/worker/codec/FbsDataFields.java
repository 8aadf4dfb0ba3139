package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.ShortVector;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What mediasoup 3.32's data producer and consumer tables share: type, SCTP stream, subchannels. */
final class FbsDataFields {
    private FbsDataFields() {}

    /** An FBS.DataProducer.Type or FBS.DataConsumer.Type (both SCTP = 0, DIRECT = 1). */
    static DataType type(int type) {
        switch (type) {
            case FBS.DataProducer.Type.SCTP:
                return DataType.SCTP;
            case FBS.DataProducer.Type.DIRECT:
                return DataType.DIRECT;
            default:
                throw new MediasoupTypeError("invalid type");
        }
    }

    static int type(DataType type) {
        return type == DataType.SCTP ? FBS.DataProducer.Type.SCTP : FBS.DataProducer.Type.DIRECT;
    }

    /** The stream of an "sctp" one, validated; null for a direct one (its stream is ignored) or when absent. */
    static SctpStreamParameters sctpStreamParameters(FBS.SctpParameters.SctpStreamParameters table, DataType type) {
        if (type != DataType.SCTP || table == null) {
            return null;
        }
        return SctpStreamParameters.of(table.streamId(), table.hasOrdered() ? table.ordered() : null,
                table.hasMaxPacketLifeTime() ? table.maxPacketLifeTime() : null,
                table.hasMaxRetransmits() ? table.maxRetransmits() : null);
    }

    /** The table of {@code parameters}, or 0 for none. ordered is always written, a limit when given (0 included). */
    static int write(FlatBufferBuilder builder, SctpStreamParameters parameters) {
        if (parameters == null) {
            return 0;
        }
        FBS.SctpParameters.SctpStreamParameters.startSctpStreamParameters(builder);
        FBS.SctpParameters.SctpStreamParameters.addStreamId(builder, parameters.streamId());
        // Optional scalars: written even when equal to the schema's default, so that the
        // library reads a value and not null.
        builder.addBoolean(parameters.ordered());
        builder.slot(1);
        if (parameters.maxPacketLifeTime() != null) {
            builder.addShort((short) (int) parameters.maxPacketLifeTime());
            builder.slot(2);
        }
        if (parameters.maxRetransmits() != null) {
            builder.addShort((short) (int) parameters.maxRetransmits());
            builder.slot(3);
        }
        return FBS.SctpParameters.SctpStreamParameters.endSctpStreamParameters(builder);
    }

    /** A consumer's subchannels: sorted, each once. */
    static List<Integer> subchannelSet(ShortVector vector) {
        return List.copyOf(new TreeSet<>(subchannels(vector)));
    }

    /** The subchannels as given; empty when absent. */
    static List<Integer> subchannels(ShortVector vector) {
        if (vector == null) {
            return List.of();
        }
        List<Integer> subchannels = new ArrayList<>(vector.length());
        for (int i = 0; i < vector.length(); i++) {
            subchannels.add(vector.getAsUnsigned(i));
        }
        return subchannels;
    }

    static int writeSubchannels(FlatBufferBuilder builder, List<Integer> subchannels) {
        builder.startVector(2, subchannels.size(), 2);
        for (int i = subchannels.size() - 1; i >= 0; i--) {
            builder.addShort((short) (int) subchannels.get(i));
        }
        return builder.endVector();
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new MediasoupTypeError("missing " + field);
        }
        return value;
    }

    /** A label or protocol; "" when absent. */
    static String optional(String value) {
        return value != null ? value : "";
    }
}
