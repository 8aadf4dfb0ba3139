package io.jmediasoup.rtp.dtls;

/** Our side of the DTLS handshake; "auto" is resolved by the transport before the handshake runs. */
public enum DtlsRole {
    CLIENT,
    SERVER
}
