package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * What the client and server side of one handshake learn and check, whichever bctls peer class
 * runs it: the peer's certificate against the fingerprint from signaling, the negotiated SRTP
 * profile, the exported SRTP keys, and a close_notify from the peer.
 */
final class HandshakeOutcome {
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private final DtlsRole localRole;
    private final DtlsFingerprint remoteFingerprint;
    private final Runnable onCloseNotify;
    private volatile String failure;
    private volatile SrtpProfile profile;
    private volatile String remoteCertificatePem;
    private volatile SrtpKeys srtpKeys;
    private volatile boolean closeNotifyReceived;

    HandshakeOutcome(DtlsRole localRole, DtlsFingerprint remoteFingerprint, Runnable onCloseNotify) {
        this.localRole = localRole;
        this.remoteFingerprint = remoteFingerprint;
        this.onCloseNotify = onCloseNotify;
    }

    /**
     * The certificate is self-signed, so its only check is the fingerprint (as the C++ worker, which
     * accepts any chain); a missing certificate or a mismatch aborts the handshake.
     */
    void verifyPeerCertificate(Certificate certificate) throws IOException {
        if (certificate == null || certificate.isEmpty()) {
            throw fail(AlertDescription.handshake_failure, "no certificate was provided by the peer");
        }
        byte[] der = certificate.getCertificateAt(0).getEncoded();
        DtlsFingerprint actual = DtlsFingerprint.of(remoteFingerprint.algorithm(), der);
        if (!actual.value().equals(remoteFingerprint.value())) {
            throw fail(AlertDescription.bad_certificate, "fingerprint in the remote certificate (" + actual.value()
                    + ") does not match the announced one (" + remoteFingerprint.value() + ")");
        }
        remoteCertificatePem = pem(der);
    }

    void selectProfile(SrtpProfile selected) {
        profile = selected;
    }

    SrtpProfile profile() {
        return profile;
    }

    /** Records why the handshake is about to fail, and gives the alert that aborts it. */
    TlsFatalAlert fail(short alert, String reason) {
        failure = reason;
        return new TlsFatalAlert(alert, reason);
    }

    /** Called by bctls once the Finished messages are verified: export the SRTP keys (RFC 5764 §4.2). */
    void handshakeComplete(TlsContext context) throws IOException {
        if (profile == null) {
            throw fail(AlertDescription.handshake_failure, "SRTP crypto suite not negotiated");
        }
        if (remoteCertificatePem == null) {
            throw fail(AlertDescription.handshake_failure, "the peer certificate was not verified");
        }
        byte[] material = context.exportKeyingMaterial(SrtpKeys.EXPORTER_LABEL, null, 2 * profile.keyingMaterialLength());
        srtpKeys = SrtpKeys.fromKeyingMaterial(profile, material, localRole);
    }

    void alertReceived(short level, short description) {
        if (level == AlertLevel.warning && description == AlertDescription.close_notify) {
            closeNotifyReceived = true;
            onCloseNotify.run();
        } else if (level == AlertLevel.fatal && failure == null) {
            failure = "received DTLS fatal alert: " + AlertDescription.getText(description);
        }
    }

    boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    /** Why the handshake failed, if we know better than the exception bctls threw. */
    String failure() {
        return failure;
    }

    SrtpKeys srtpKeys() {
        return srtpKeys;
    }

    String remoteCertificatePem() {
        return remoteCertificatePem;
    }

    /** The PEM form OpenSSL's PEM_write_bio_X509 gives, which the C++ worker reports as dtlsRemoteCert. */
    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
