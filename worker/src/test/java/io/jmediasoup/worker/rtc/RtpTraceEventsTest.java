package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.ProducerEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "sr" trace: a producer's, once enabled, with the report as it came; a consumer knows no such type. */
class RtpTraceEventsTest {
    private final List<Event> events = new ArrayList<>();
    private final Settings settings = Settings.fromArgs(new String[0]);
    private final Shared shared = new Shared(null, settings, new Logger(settings), () -> 5_000L);

    RtpTraceEventsTest() {
        shared.attach((targetId, event, payload) -> events.add(event));
    }

    @Test
    void aProducerTracesSenderReportsOnceSrIsEnabled() {
        RtpTraceEvents traces = RtpTraceEvents.forProducer("p1", shared);
        traces.senderReport(1111, 3_900_000_000L, 1 << 31, 90_000, 10, 1200);
        assertEquals(List.of(), events, "not enabled");
        traces.enable(List.of("sr", "rtp"));
        assertEquals(List.of("rtp", "sr"), traces.enabled());
        traces.senderReport(1111, 3_900_000_000L, 1L << 31, 90_000, 10, 1200);
        assertEquals(List.of(new ProducerEvent.SenderReportTrace(5_000, 1111, 3_900_000_000L, 1L << 31, 90_000, 10, 1200)),
                events);
    }

    @Test
    void aConsumerHasNoSrTrace() {
        RtpTraceEvents traces = RtpTraceEvents.forConsumer("c1", shared);
        traces.enable(List.of("sr", "pli"));
        assertEquals(List.of("pli"), traces.enabled());
    }
}
