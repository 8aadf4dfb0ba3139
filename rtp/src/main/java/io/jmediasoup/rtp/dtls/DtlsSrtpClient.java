package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** Our client side of a DTLS-SRTP handshake: offers our SRTP profiles and shows our certificate. */
final class DtlsSrtpClient extends DefaultTlsClient {
    private final DtlsIdentity identity;
    private final HandshakeOutcome outcome;

    DtlsSrtpClient(DtlsIdentity identity, HandshakeOutcome outcome) {
        super(DtlsIdentity.CRYPTO);
        this.identity = identity;
        this.outcome = outcome;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return DtlsIdentity.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsIdentity.clientCipherSuites();
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(DtlsSrtpProfiles.ids(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    /** The server must pick exactly one of the profiles we offered (RFC 5764 §4.1.1). */
    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData selected = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (selected == null) {
            throw outcome.fail(AlertDescription.handshake_failure, "SRTP crypto suite not negotiated");
        }
        int[] profiles = selected.getProtectionProfiles();
        SrtpProfile profile = profiles.length == 1 ? SrtpProfile.byDtlsProfileId(profiles[0]) : null;
        if (profile == null) {
            throw outcome.fail(AlertDescription.illegal_parameter, "chosen SRTP crypto suite is not an available one");
        }
        outcome.selectProfile(profile);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                outcome.verifyPeerCertificate(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return identity.signer(context, request.getSupportedSignatureAlgorithms());
            }
        };
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return DtlsTransport.INITIAL_RESEND_MILLIS;
    }

    /** The certificate is checked by fingerprint only, whatever it is signed with. */
    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        outcome.alertReceived(alertLevel, alertDescription);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        outcome.handshakeComplete(context);
    }
}
