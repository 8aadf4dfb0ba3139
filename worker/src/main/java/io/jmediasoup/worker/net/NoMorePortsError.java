package io.jmediasoup.worker.net;

import io.jmediasoup.channel.MediasoupError;

/**
 * Every port of a range was tried. The message is 3.8.4's text, which names the protocol
 * "transport"; 3.32.2 names it "protocol" and appends no method (see {@link #reasonIn332}).
 */
public final class NoMorePortsError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    private final String protocol;
    private final String ip;
    private final int numAttempts;

    NoMorePortsError(PortManager.Protocol protocol, String ip, int numAttempts) {
        super(reason("transport", protocol.label(), ip, numAttempts));
        this.protocol = protocol.label();
        this.ip = ip;
        this.numAttempts = numAttempts;
    }

    /** The text of 3.32.2's PortManager. */
    public String reasonIn332() {
        return reason("protocol", protocol, ip, numAttempts);
    }

    private static String reason(String protocolKey, String protocol, String ip, int numAttempts) {
        return "no more available ports [" + protocolKey + ":" + protocol + ", ip:'" + ip + "', numAttempt:"
                + numAttempts + "]";
    }
}
