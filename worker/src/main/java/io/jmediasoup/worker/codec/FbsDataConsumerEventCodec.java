package io.jmediasoup.worker.codec;

import io.jmediasoup.worker.messages.DataConsumerEvent;
import io.jmediasoup.worker.messages.Event;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.32's DATACONSUMER_* notifications; a message carries its bytes in its body. */
final class FbsDataConsumerEventCodec implements FbsEventCodec {
    @Override
    public FbsEvent encode(Event event, ByteBuf payload) {
        if (event instanceof DataConsumerEvent.BufferedAmountLow low) {
            return new FbsEvent(FBS.Notification.Event.DATACONSUMER_BUFFERED_AMOUNT_LOW,
                    FBS.Notification.Body.DataConsumer_BufferedAmountLowNotification, builder ->
                            FBS.DataConsumer.BufferedAmountLowNotification.createBufferedAmountLowNotification(builder,
                                    low.bufferedAmount()));
        }
        if (event instanceof DataConsumerEvent.SctpSendBufferFull) {
            return bodiless(FBS.Notification.Event.DATACONSUMER_SCTP_SENDBUFFER_FULL);
        }
        if (event instanceof DataConsumerEvent.DataProducerClose) {
            return bodiless(FBS.Notification.Event.DATACONSUMER_DATAPRODUCER_CLOSE);
        }
        if (event instanceof DataConsumerEvent.DataProducerPause) {
            return bodiless(FBS.Notification.Event.DATACONSUMER_DATAPRODUCER_PAUSE);
        }
        if (event instanceof DataConsumerEvent.DataProducerResume) {
            return bodiless(FBS.Notification.Event.DATACONSUMER_DATAPRODUCER_RESUME);
        }
        if (event instanceof DataConsumerEvent.Message message) {
            return new FbsEvent(FBS.Notification.Event.DATACONSUMER_MESSAGE,
                    FBS.Notification.Body.DataConsumer_MessageNotification, builder -> {
                        int data = builder.createByteVector(payload.nioBuffer(payload.readerIndex(), payload.readableBytes()));
                        return FBS.DataConsumer.MessageNotification.createMessageNotification(builder, message.ppid(), data);
                    });
        }
        return null;
    }

    private static FbsEvent bodiless(int event) {
        return new FbsEvent(event, FBS.Notification.Body.NONE, null);
    }
}
