package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.dtls.DtlsCertificate;
import io.jmediasoup.rtp.srtp.SrtpSession;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.net.PortManager;
import io.jmediasoup.worker.net.UdpSendBatch;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * What every Router, Transport, Producer and Consumer of one worker shares: its event loop,
 * settings, logger, and the sink its events go out to. Loop thread only.
 */
public final class Shared {
    private final EventLoop loop;
    private final Settings settings;
    private final Logger logger;
    private final LongSupplier clockMs;
    private final PortManager portManager;
    private final UdpSendBatch udpSendBatch = new UdpSendBatch();
    private DtlsCertificate dtlsCertificate;
    private CompletableFuture<DtlsCertificate> pendingDtlsCertificate;
    private boolean srtpEnginePrepared;
    private final ChannelHandlers handlers = new ChannelHandlers();
    private EventSink eventSink;
    private RouterExtensionLayout routerExtensions = RouterExtensionLayout.MEDIASOUP_3_8;
    private boolean stunReasonPhrases;
    private StreamReports streamReports = StreamReports.MEDIASOUP_3_8;
    private boolean randomFirstSequenceNumbers;

    public Shared(EventLoop loop, Settings settings, Logger logger) {
        this(loop, settings, logger, () -> System.nanoTime() / 1_000_000);
    }

    /** With the clock {@link #nowMs} reads: tests pass a fake one. */
    Shared(EventLoop loop, Settings settings, Logger logger, LongSupplier clockMs) {
        this.loop = loop;
        this.clockMs = clockMs;
        this.settings = settings;
        this.logger = logger;
        this.portManager = new PortManager(loop, settings);
    }

    /** Events go nowhere until a sink is attached, and after it is detached (null). */
    public void attach(EventSink eventSink) {
        this.eventSink = eventSink;
    }

    /** From now on the router's packets carry header extensions under {@code layout}'s ids: the era's. */
    public void useRouterExtensions(RouterExtensionLayout layout) {
        this.routerExtensions = layout;
    }

    /** The ids the router's packets carry header extensions under. */
    public RouterExtensionLayout routerExtensions() {
        return routerExtensions;
    }

    /** From now on ICE error responses carry a reason phrase, as 3.32.2's do. */
    public void sendStunReasonPhrases() {
        stunReasonPhrases = true;
    }

    boolean stunReasonPhrases() {
        return stunReasonPhrases;
    }

    /** From now on streams created read their peers' reports as {@code reports} says: the era's. */
    public void useStreamReports(StreamReports reports) {
        this.streamReports = reports;
    }

    StreamReports streamReports() {
        return streamReports;
    }

    /** From now on consumers' streams start their sequence numbers at random, as 3.32.2's do. */
    public void startSequenceNumbersAtRandom() {
        randomFirstSequenceNumbers = true;
    }

    /**
     * The sequence numbers of a new consumer stream: from 1 as 3.8.4's, or from 3.32.2's random
     * start between 1001 and 32768, kept below half the range for a libsrtp issue with numbers
     * near the wrap (mediasoup issue 1437).
     */
    SeqManager consumerSequenceNumbers() {
        return randomFirstSequenceNumbers ? SeqManager.startingAt(ThreadLocalRandom.current().nextInt(1000, 32768))
                : new SeqManager();
    }

    /** The entities the channel can address, by id. */
    public ChannelHandlers handlers() {
        return handlers;
    }

    public EventLoop loop() {
        return loop;
    }

    public Settings settings() {
        return settings;
    }

    /** Milliseconds on a monotonic clock, for intervals: jitter, rates, timers. */
    public long nowMs() {
        return clockMs.getAsLong();
    }

    public Logger logger() {
        return logger;
    }

    public PortManager portManager() {
        return portManager;
    }

    /** The sendmmsg batch that every UDP socket of the worker sends through. */
    UdpSendBatch udpSendBatch() {
        return udpSendBatch;
    }

    /**
     * Starts making the worker's DTLS certificate (from --dtlsCertificateFile/--dtlsPrivateKeyFile,
     * or generated) on a thread of its own, as the worker starts: made on the loop at the first
     * WebRtcTransport, it held every transport's media for 100 to 200 ms of a cold JVM.
     */
    public void prepareDtlsCertificate() {
        if (pendingDtlsCertificate != null) {
            return;
        }
        pendingDtlsCertificate = new CompletableFuture<>();
        CompletableFuture<DtlsCertificate> pending = pendingDtlsCertificate;
        Thread thread = new Thread(() -> {
            try {
                pending.complete(makeDtlsCertificate());
            } catch (RuntimeException failed) {
                pending.completeExceptionally(failed);
            }
        }, "dtls-certificate");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads the SRTP engine's native library (4.5 MB out of the jar) on a thread of its own, once,
     * when the first transport that may use SRTP is created: the handshake or connect() that
     * brings its keys comes later. Loaded at the first SRTP session, it held the loop for 15 to 20
     * ms; loaded as the worker starts, it added 2 MiB to an idle worker's RSS.
     */
    public void prepareSrtpEngine() {
        if (srtpEnginePrepared) {
            return;
        }
        srtpEnginePrepared = true;
        Thread thread = new Thread(SrtpSession::usesOpenSsl, "srtp-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** The worker's DTLS certificate, waiting for {@link #prepareDtlsCertificate} when it is not made yet. */
    public DtlsCertificate dtlsCertificate() {
        if (dtlsCertificate == null) {
            prepareDtlsCertificate();
            try {
                dtlsCertificate = pendingDtlsCertificate.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof MediasoupError error ? error
                        : new MediasoupError("cannot make the DTLS certificate: " + failed.getCause());
            }
        }
        return dtlsCertificate;
    }

    private DtlsCertificate makeDtlsCertificate() {
        if (settings.dtlsCertificateFile() == null) {
            return DtlsCertificate.generate();
        }
        try {
            return DtlsCertificate.load(settings.dtlsCertificateFile(), settings.dtlsPrivateKeyFile());
        } catch (IOException | RuntimeException unusable) {
            throw new MediasoupError("cannot load the DTLS certificate and private key: " + unusable.getMessage());
        }
    }

    /** Sends {@code event} of entity {@code targetId} in the channel's era. */
    public void emit(String targetId, Event event) {
        emit(targetId, event, null);
    }

    /** Sends {@code event} with the bytes it carries ({@code payload}, lent, not released). */
    public void emit(String targetId, Event event, ByteBuf payload) {
        if (eventSink != null) {
            eventSink.emit(targetId, event, payload);
        }
    }
}
