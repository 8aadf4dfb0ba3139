package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RouterRtpObserverRequest;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.WorkerResponse;
import io.jmediasoup.worker.rtc.params.MediaKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A mediasoup Router: the owner of transports and RTP observers, and the place where
 * producers meet their consumers.
 */
public final class Router implements Transport.Listener, RtpObserver.Listener, ChannelHandler {
    private final String id;
    private final Shared shared;
    private final Map<String, Transport> transports = new LinkedHashMap<>();
    private final Map<String, RtpObserver> rtpObservers = new LinkedHashMap<>();
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    /** Per producer id, its consumers, on any transport of this router. */
    private final Map<String, List<Consumer>> consumersByProducer = new LinkedHashMap<>();
    /** Per producer id, the RTP observers watching it. */
    private final Map<String, Set<RtpObserver>> observersByProducer = new LinkedHashMap<>();
    private final Map<String, DataProducer> dataProducers = new LinkedHashMap<>();
    /** Per data producer id, its data consumers, on any transport of this router. */
    private final Map<String, Map<String, DataConsumer>> dataConsumersByProducer = new LinkedHashMap<>();

    public Router(String id, Shared shared) {
        this.id = id;
        this.shared = shared;
    }

    public String id() {
        return id;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof TransportRequest.CreatePlain create) {
            return createTransport(create.transportId(), () -> new PlainTransport(create.transportId(), shared, this,
                    create.options()));
        }
        if (request instanceof TransportRequest.CreateWebRtc create) {
            return createTransport(create.transportId(), () -> new WebRtcTransport(create.transportId(), shared, this,
                    create.options()));
        }
        if (request instanceof TransportRequest.CreateWebRtcWithServer create) {
            return createTransport(create.transportId(), () -> new WebRtcTransport(create.transportId(), shared, this,
                    create.options(), webRtcServer(create.options().webRtcServerId())));
        }
        if (request instanceof TransportRequest.CreatePipe create) {
            return createTransport(create.transportId(), () -> new PipeTransport(create.transportId(), shared, this,
                    create.options()));
        }
        if (request instanceof TransportRequest.CreateDirect create) {
            return createTransport(create.transportId(), () -> new DirectTransport(create.transportId(), shared, this,
                    create.options()));
        }
        if (request instanceof TransportRequest.Close close) {
            Transport transport = transports.remove(close.transportId());
            if (transport == null) {
                throw EntityIdError.missing("Transport");
            }
            transport.close();
            return null;
        }
        if (request instanceof RouterRtpObserverRequest.CreateActiveSpeakerObserver create) {
            addRtpObserver(create.rtpObserverId(),
                    () -> new ActiveSpeakerObserver(create.rtpObserverId(), shared, this, create.interval()));
        } else if (request instanceof RouterRtpObserverRequest.CreateAudioLevelObserver create) {
            addRtpObserver(create.rtpObserverId(), () -> new AudioLevelObserver(create.rtpObserverId(), shared, this,
                    create.maxEntries(), create.threshold(), create.interval()));
        } else if (request instanceof RouterRtpObserverRequest.CloseRtpObserver close) {
            closeRtpObserver(close.rtpObserverId());
        } else {
            throw ChannelHandler.unknownMethod(request);
        }
        return null;
    }

    private void addRtpObserver(String rtpObserverId, Supplier<RtpObserver> factory) {
        if (rtpObservers.containsKey(rtpObserverId)) {
            throw EntityIdError.taken("RtpObserver", "rtpObserverId", "id");
        }
        RtpObserver rtpObserver = factory.get();
        shared.handlers().register(rtpObserverId, rtpObserver, false);
        rtpObservers.put(rtpObserverId, rtpObserver);
    }

    private void closeRtpObserver(String rtpObserverId) {
        RtpObserver rtpObserver = rtpObservers.remove(rtpObserverId);
        if (rtpObserver == null) {
            throw EntityIdError.missing("RtpObserver");
        }
        observersByProducer.values().forEach(observers -> observers.remove(rtpObserver));
        rtpObserver.close();
    }

    @Override
    public void onRtpObserverAddProducer(RtpObserver rtpObserver, String producerId) {
        Producer producer = producer(producerId);
        rtpObserver.addProducer(producer.id, producer.kind == MediaKind.AUDIO);
        observersByProducer.get(producer.id).add(rtpObserver);
    }

    @Override
    public void onRtpObserverRemoveProducer(RtpObserver rtpObserver, String producerId) {
        Producer producer = producer(producerId);
        rtpObserver.removeProducer(producer.id);
        observersByProducer.get(producer.id).remove(rtpObserver);
    }

    private Producer producer(String producerId) {
        Producer producer = producers.get(producerId);
        if (producer == null) {
            throw new MediasoupNotFoundError("Producer not found");
        }
        return producer;
    }

    /**
     * Creates a transport under {@code transportId}, registers it for the channel and answers
     * with its dump; the constructor throws on options it cannot apply (a port taken, ...).
     */
    private TransportDump createTransport(String transportId, Supplier<Transport> factory) {
        if (transports.containsKey(transportId)) {
            throw EntityIdError.taken("Transport", "transportId", "id");
        }
        Transport transport = factory.get();
        shared.handlers().register(transportId, transport, true);
        transports.put(transportId, transport);
        return transport.dump();
    }

    private WebRtcServer webRtcServer(String webRtcServerId) {
        if (shared.handlers().requestHandler(webRtcServerId) instanceof WebRtcServer server) {
            return server;
        }
        throw new MediasoupError("wrong webRtcServerId (no associated WebRtcServer found)");
    }

    @Override
    public void onTransportListenServerClosed(Transport transport) {
        transports.remove(transport.id());
        transport.close();
    }

    /** One of its transports or RTP observers. */
    @Override
    public ChannelHandler child(String id) {
        Transport transport = transports.get(id);
        return transport != null ? transport : rtpObservers.get(id);
    }

    /** One of its transports by id, or null; for in-process drivers such as the benchmarks. */
    Transport transport(String transportId) {
        return transports.get(transportId);
    }

    public WorkerResponse.RouterDump dump() {
        Map<String, List<String>> consumerIds = new LinkedHashMap<>();
        Map<String, String> producerIds = new LinkedHashMap<>();
        consumersByProducer.forEach((producerId, consumers) -> {
            consumerIds.put(producerId, consumers.stream().map(consumer -> consumer.id).toList());
            consumers.forEach(consumer -> producerIds.put(consumer.id, producerId));
        });
        Map<String, List<String>> observerIds = new LinkedHashMap<>();
        observersByProducer.forEach((producerId, observers) ->
                observerIds.put(producerId, observers.stream().map(RtpObserver::id).toList()));
        Map<String, List<String>> dataConsumerIds = new LinkedHashMap<>();
        Map<String, String> dataProducerIds = new LinkedHashMap<>();
        dataConsumersByProducer.forEach((dataProducerId, consumers) -> {
            dataConsumerIds.put(dataProducerId, List.copyOf(consumers.keySet()));
            consumers.keySet().forEach(dataConsumerId -> dataProducerIds.put(dataConsumerId, dataProducerId));
        });
        return new WorkerResponse.RouterDump(id, List.copyOf(transports.keySet()), List.copyOf(rtpObservers.keySet()),
                consumerIds, producerIds, observerIds, dataConsumerIds, dataProducerIds);
    }

    @Override
    public void onTransportNewProducer(Transport transport, Producer producer) {
        if (producers.containsKey(producer.id)) {
            throw new MediasoupError("Producer already present in mapProducers [producerId:" + producer.id + "]");
        }
        producers.put(producer.id, producer);
        consumersByProducer.put(producer.id, new ArrayList<>());
        observersByProducer.put(producer.id, new LinkedHashSet<>());
    }

    @Override
    public void onTransportProducerClosed(Transport transport, Producer producer) {
        producers.remove(producer.id);
        for (Consumer consumer : List.copyOf(consumersByProducer.remove(producer.id))) {
            consumer.producerClosed();
        }
        for (RtpObserver rtpObserver : observersByProducer.remove(producer.id)) {
            rtpObserver.removeProducer(producer.id);
        }
    }

    @Override
    public void onTransportNewConsumer(Transport transport, Consumer consumer, String producerId) {
        Producer producer = producers.get(producerId);
        if (producer == null) {
            throw new MediasoupNotFoundError("Producer not found [producerId:" + producerId + "]");
        }
        if (producer.isPaused()) {
            consumer.producerPaused();
        }
        consumersByProducer.get(producerId).add(consumer);
        consumer.producerRtpStreamScores(producer.rtpStreamScores);
        consumer.producerSenderReports(producer.senderReports);
        consumer.producerRtpStreams(producer);
    }

    @Override
    public void onTransportConsumerKeyFrameRequested(Transport transport, Consumer consumer, long mappedSsrc) {
        Producer producer = producers.get(consumer.producerId);
        if (producer != null) {
            producer.requestKeyFrame(mappedSsrc);
        }
    }

    @Override
    public void onTransportConsumerClosed(Transport transport, Consumer consumer) {
        consumersByProducer.get(consumer.producerId).remove(consumer);
    }

    @Override
    public void onProducerPaused(Producer producer) {
        consumersByProducer.get(producer.id).forEach(Consumer::producerPaused);
        observersByProducer.get(producer.id).forEach(observer -> observer.producerPaused(producer.id));
    }

    @Override
    public void onProducerResumed(Producer producer) {
        consumersByProducer.get(producer.id).forEach(Consumer::producerResumed);
        observersByProducer.get(producer.id).forEach(observer -> observer.producerResumed(producer.id));
    }

    /** Every consumer of the producer gets the packet in turn; indexed loop: no iterator per packet. */
    @Override
    public void onProducerRtpPacketReceived(Producer producer, RtpPacket packet) {
        List<Consumer> consumers = consumersByProducer.get(producer.id);
        for (int i = 0; i < consumers.size(); i++) {
            Consumer consumer = consumers.get(i);
            packet.updateStringExtension(HeaderExtensionMap.MID, consumer.rtpParameters.mid());
            consumer.sendRtpPacket(packet);
        }
        Set<RtpObserver> observers = observersByProducer.get(producer.id);
        if (!observers.isEmpty()) {
            for (RtpObserver observer : observers) {
                observer.receiveRtpPacket(producer, packet);
            }
        }
    }

    @Override
    public void onProducerNewRtpStream(Producer producer) {
        consumersByProducer.get(producer.id).forEach(Consumer::producerNewRtpStream);
    }

    @Override
    public void onProducerRtpStreamScore(Producer producer, int score, int previousScore) {
        consumersByProducer.get(producer.id).forEach(consumer -> consumer.producerRtpStreamScoreChanged(score, previousScore));
    }

    @Override
    public void onProducerRtpStreamSpatialLayerStarted(Producer producer) {
        consumersByProducer.get(producer.id).forEach(Consumer::producerSpatialLayerStarted);
    }

    @Override
    public void onProducerFirstSenderReport(Producer producer) {
        consumersByProducer.get(producer.id).forEach(Consumer::producerFirstSenderReport);
    }

    @Override
    public void onTransportNewDataProducer(Transport transport, DataProducer dataProducer) {
        if (dataProducers.containsKey(dataProducer.id)) {
            throw new MediasoupError("DataProducer already present in mapDataProducers [dataProducerId:"
                    + dataProducer.id + "]");
        }
        dataProducers.put(dataProducer.id, dataProducer);
        dataConsumersByProducer.put(dataProducer.id, new LinkedHashMap<>());
    }

    @Override
    public void onTransportDataProducerClosed(Transport transport, DataProducer dataProducer) {
        dataProducers.remove(dataProducer.id);
        for (DataConsumer dataConsumer : dataConsumersByProducer.remove(dataProducer.id).values()) {
            dataConsumer.transport.dataConsumerProducerClosed(dataConsumer);
        }
    }

    @Override
    public void onTransportDataProducerMessageReceived(Transport transport, DataProducer dataProducer,
            DataMessage message) {
        for (DataConsumer dataConsumer : dataConsumersByProducer.get(dataProducer.id).values()) {
            if (dataConsumer.isActive() && dataConsumer.selects(message)) {
                dataConsumer.sendMessage(message);
            }
        }
    }

    @Override
    public void onTransportDataProducerPaused(Transport transport, DataProducer dataProducer) {
        dataConsumersByProducer.get(dataProducer.id).values().forEach(DataConsumer::dataProducerPaused);
    }

    @Override
    public void onTransportDataProducerResumed(Transport transport, DataProducer dataProducer) {
        dataConsumersByProducer.get(dataProducer.id).values().forEach(DataConsumer::dataProducerResumed);
    }

    @Override
    public void onTransportNewDataConsumer(Transport transport, DataConsumer dataConsumer, String dataProducerId) {
        Map<String, DataConsumer> consumers = dataConsumersByProducer.get(dataProducerId);
        if (consumers == null) {
            throw new MediasoupNotFoundError("DataProducer not found [dataProducerId:" + dataProducerId + "]");
        }
        if (dataProducers.get(dataProducerId).paused) {
            dataConsumer.dataProducerPaused();
        }
        consumers.put(dataConsumer.id, dataConsumer);
    }

    @Override
    public void onTransportDataConsumerClosed(Transport transport, DataConsumer dataConsumer) {
        Map<String, DataConsumer> consumers = dataConsumersByProducer.get(dataConsumer.dataProducerId);
        if (consumers != null) {
            consumers.remove(dataConsumer.id);
        }
    }

    /** Closes every transport; the Node library tells its objects itself ("routerclose"). */
    public void close() {
        transports.values().forEach(Transport::close);
        transports.clear();
        rtpObservers.values().forEach(RtpObserver::close);
        rtpObservers.clear();
        shared.handlers().unregister(id, this);
        shared.logger().debug(LogTag.INFO, "Router", "closed [id:" + id + "]");
    }
}
