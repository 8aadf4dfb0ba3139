package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * What every Router, Transport, Producer and Consumer of one worker shares: its event loop,
 * settings, logger, and the channels its notifications go out on. Loop thread only.
 */
public final class Shared {
    private final EventLoop loop;
    private final Settings settings;
    private final Logger logger;
    private ChannelEndpoint channel;
    private PayloadChannelEndpoint payloadChannel;

    public Shared(EventLoop loop, Settings settings, Logger logger) {
        this.loop = loop;
        this.settings = settings;
        this.logger = logger;
    }

    /** Notifications go nowhere until the channels are attached, and after they close. */
    public void attach(ChannelEndpoint channel, PayloadChannelEndpoint payloadChannel) {
        this.channel = channel;
        this.payloadChannel = payloadChannel;
    }

    public EventLoop loop() {
        return loop;
    }

    public Settings settings() {
        return settings;
    }

    public Logger logger() {
        return logger;
    }

    /** A channel notification; {@code data} may be null. */
    public void notify(String targetId, String event, JsonElement data) {
        if (channel != null) {
            channel.notify(targetId, event, data);
        }
    }

    /** A payload-channel notification followed by {@code payload} (not consumed, not released). */
    public void notify(String targetId, String event, JsonElement data, ByteBuf payload) {
        if (payloadChannel != null) {
            payloadChannel.notify(targetId, event, data, payload);
        }
    }
}
