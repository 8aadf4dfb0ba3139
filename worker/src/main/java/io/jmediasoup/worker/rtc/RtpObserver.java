package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;

/**
 * An observer of the RTP of some audio producers of a router (router.create*Observer). While
 * paused it ignores what it observes.
 */
public abstract class RtpObserver {
    protected final String id;
    protected final Shared shared;
    private boolean paused;

    protected RtpObserver(String id, Shared shared) {
        this.id = id;
        this.shared = shared;
    }

    public String id() {
        return id;
    }

    public boolean isPaused() {
        return paused;
    }

    public final void pause() {
        if (!paused) {
            paused = true;
            onPaused();
        }
    }

    public final void resume() {
        if (paused) {
            paused = false;
            onResumed();
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

    protected abstract void onPaused();

    protected abstract void onResumed();

    /** Stops its timers; the router forgets it. */
    public abstract void close();
}
