package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jmediasoup.channel.MediasoupError;
import org.junit.jupiter.api.Test;

class ChannelHandlersTest {
    private final ChannelHandler first = request -> null;
    private final ChannelHandler second = request -> null;

    /** 3.8: pipeToRouter gives an entity of another router the same id; the first keeps it. */
    @Test
    void keepsTheFirstHandlerOfAnIdUntilIdsMustBeUnique() {
        ChannelHandlers handlers = new ChannelHandlers();
        handlers.register("p1", first, false);
        handlers.register("p1", second, false);
        assertSame(first, handlers.requestHandler("p1"));
    }

    /** 3.32: the registrator's text (its codec appends no method to a plain error). */
    @Test
    void refusesATakenIdWithTheTextOf332() {
        ChannelHandlers handlers = new ChannelHandlers();
        handlers.requireUniqueIds();
        handlers.register("p1", first, true);
        MediasoupError taken = assertThrows(MediasoupError.class, () -> handlers.register("p1", second, false));
        assertEquals("Channel request handler with ID p1 already exists", taken.getMessage());
        assertSame(first, handlers.requestHandler("p1"));
    }
}
