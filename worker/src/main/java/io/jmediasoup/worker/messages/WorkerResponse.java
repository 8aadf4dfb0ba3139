package io.jmediasoup.worker.messages;

import java.util.List;
import java.util.Map;

/** What the worker answers to a {@link WorkerRequest} that has a body, as typed values. */
public sealed interface WorkerResponse {
    /**
     * worker.dump. The handler lists are mediasoup 3.32's registry of handler ids (3.8 has
     * none and does not send them).
     */
    record WorkerDump(long pid, List<String> webRtcServerIds, List<String> routerIds,
            List<String> channelRequestHandlers, List<String> channelNotificationHandlers) implements WorkerResponse {}

    /** getrusage(RUSAGE_SELF): the two times in milliseconds, then the fourteen counters in struct order. */
    record ResourceUsage(long utimeMs, long stimeMs, List<Long> counters) implements WorkerResponse {
        /** The names of {@link #counters}, as both eras spell them. */
        public static final List<String> COUNTER_NAMES = List.of(
                "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock",
                "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw");
    }

    /** router.dump: ids and the router's producer/consumer/observer maps, in insertion order. */
    record RouterDump(String id, List<String> transportIds, List<String> rtpObserverIds,
            Map<String, List<String>> mapProducerIdConsumerIds, Map<String, String> mapConsumerIdProducerId,
            Map<String, List<String>> mapProducerIdObserverIds,
            Map<String, List<String>> mapDataProducerIdDataConsumerIds,
            Map<String, String> mapDataConsumerIdDataProducerId) implements WorkerResponse {}
}
