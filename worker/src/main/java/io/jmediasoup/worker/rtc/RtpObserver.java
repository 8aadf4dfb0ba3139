package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RtpObserverRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An observer of the RTP of some audio producers of a router (router.create*Observer): it
 * reports at every interval, except while paused, when it ignores what it observes.
 */
public abstract class RtpObserver implements ChannelHandler {
    /** Its router, which knows the producers it may observe. */
    public interface Listener {
        /** Starts observing producer {@code producerId} of the router; throws when there is none. */
        void onRtpObserverAddProducer(RtpObserver rtpObserver, String producerId);

        /** Stops observing producer {@code producerId}; throws when the router has none. */
        void onRtpObserverRemoveProducer(RtpObserver rtpObserver, String producerId);
    }

    protected final String id;
    protected final Shared shared;
    private final Listener listener;
    private boolean paused;
    private int intervalMs;
    private ScheduledFuture<?> timer;

    protected RtpObserver(String id, Shared shared, Listener listener) {
        this.id = id;
        this.shared = shared;
        this.listener = listener;
    }

    /** Starts reporting, once its options are valid: {@link #onInterval} every {@code intervalMs}. */
    protected final void startReporting(int intervalMs) {
        this.intervalMs = intervalMs;
        startTimer();
    }

    private void startTimer() {
        timer = shared.loop().scheduleAtFixedRate(this::onInterval, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    public String id() {
        return id;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof RtpObserverRequest.Pause) {
            pause();
        } else if (request instanceof RtpObserverRequest.Resume) {
            resume();
        } else if (request instanceof RtpObserverRequest.AddProducer add) {
            listener.onRtpObserverAddProducer(this, add.producerId());
        } else if (request instanceof RtpObserverRequest.RemoveProducer remove) {
            listener.onRtpObserverRemoveProducer(this, remove.producerId());
        } else {
            throw ChannelHandler.unknownMethod(request);
        }
        return null;
    }

    public boolean isPaused() {
        return paused;
    }

    public final void pause() {
        if (!paused) {
            paused = true;
            stopTimer();
            onPaused();
        }
    }

    public final void resume() {
        if (paused) {
            paused = false;
            startTimer();
        }
    }

    /** rtpObserver.addProducer; throws a TypeError for a producer it cannot observe. */
    public abstract void addProducer(String producerId, boolean audio);

    public abstract void removeProducer(String producerId);

    /** An observed producer was paused: its silence must not count as anybody's level. */
    public abstract void producerPaused(String producerId);

    public abstract void producerResumed(String producerId);

    /** A packet of an observed producer, in the router's payload type and SSRC; lent for the call. */
    abstract void receiveRtpPacket(Producer producer, RtpPacket packet);

    /** Reports what the last interval observed. */
    protected abstract void onInterval();

    /** Paused: its interval timer has stopped. */
    protected void onPaused() {}

    /** Stops its timer and leaves the channel's handlers; the router forgets it. */
    public final void close() {
        stopTimer();
        shared.handlers().unregister(id, this);
    }
}
