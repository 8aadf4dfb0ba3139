package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.util.Arrays;

/** Our server side of a DTLS-SRTP handshake: asks for the client's certificate and picks the SRTP profile. */
final class DtlsSrtpServer extends DefaultTlsServer {
    private final DtlsIdentity identity;
    private final HandshakeOutcome outcome;

    DtlsSrtpServer(DtlsIdentity identity, HandshakeOutcome outcome) {
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
        return identity.serverCipherSuites();
    }

    /** SSL_OP_CIPHER_SERVER_PREFERENCE in the C++ worker. */
    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return identity.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() {
        return identity.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    /** SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT: the client must show its certificate. */
    @Override
    public CertificateRequest getCertificateRequest() {
        Vector<?> algorithms = TlsUtils.isTLSv12(context) ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context) : null;
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        outcome.verifyPeerCertificate(clientCertificate);
    }

    /** Our first profile (in our order of preference) that the client offers, as OpenSSL's server picks. */
    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered != null) {
            for (SrtpProfile profile : DtlsSrtpProfiles.PREFERENCE) {
                if (Arrays.contains(offered.getProtectionProfiles(), profile.dtlsProfileId())) {
                    outcome.selectProfile(profile);
                    return;
                }
            }
        }
        throw outcome.fail(AlertDescription.handshake_failure, "SRTP crypto suite not negotiated");
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {outcome.profile().dtlsProfileId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
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
