package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Vector;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** Our certificate and private key in bctls terms, and the handshake parameters that follow from them. */
final class DtlsIdentity {
    /**
     * BouncyCastle's own crypto (the same primitives on every JDK, no JCA provider to register),
     * discarding undecodable records instead of failing on them.
     */
    static final BcTlsCrypto CRYPTO = new DiscardingTlsCrypto(new SecureRandom());

    /** DTLS 1.2 and 1.0, as OpenSSL's DTLS_method() in the C++ worker. */
    static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.downTo(ProtocolVersion.DTLSv10);

    /**
     * The ECDHE suites of the C++ worker's "DEFAULT:!NULL:!aNULL:!SHA256:!SHA384:!aECDH:!AESGCM+AES256:!aPSK"
     * in OpenSSL's order (no AES-256-GCM, no SHA-2 CBC MACs). Plain RSA and DHE key exchange are left
     * out: every WebRTC peer offers ECDHE.
     */
    private static final int[] ECDSA_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };
    private static final int[] RSA_SUITES = {
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    };
    private static final int[] ALL_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    };

    private final Certificate certificate;
    private final AsymmetricKeyParameter privateKey;
    private final short signatureAlgorithm;

    private DtlsIdentity(Certificate certificate, AsymmetricKeyParameter privateKey, short signatureAlgorithm) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    static DtlsIdentity of(DtlsCertificate dtlsCertificate) {
        try {
            TlsCertificate tlsCertificate = CRYPTO.createCertificate(dtlsCertificate.der());
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(dtlsCertificate.privateKey().getEncoded());
            short algorithm;
            if (key instanceof ECPrivateKeyParameters) {
                algorithm = SignatureAlgorithm.ecdsa;
            } else if (key instanceof RSAKeyParameters) {
                algorithm = SignatureAlgorithm.rsa;
            } else {
                throw new IllegalArgumentException("DTLS needs an EC or RSA private key");
            }
            return new DtlsIdentity(new Certificate(new TlsCertificate[] {tlsCertificate}), key, algorithm);
        } catch (IOException unusable) {
            throw new IllegalArgumentException("unusable DTLS certificate or key", unusable);
        }
    }

    /** As a server we can only pick the suites our own key signs for, in our order of preference. */
    int[] serverCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(CRYPTO,
                signatureAlgorithm == SignatureAlgorithm.ecdsa ? ECDSA_SUITES : RSA_SUITES);
    }

    /** As a client the server's certificate decides, so we offer both kinds. */
    static int[] clientCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(CRYPTO, ALL_SUITES);
    }

    /**
     * A signer with our key for this handshake, using SHA-256 unless the peer's signature_algorithms
     * (null in DTLS 1.0, or when the peer sent none) only allow another hash.
     */
    TlsCredentialedSigner signer(TlsContext context, Vector<?> peerAlgorithms) {
        SignatureAndHashAlgorithm chosen = null;
        if (TlsUtils.isTLSv12(context)) {
            chosen = new SignatureAndHashAlgorithm(HashAlgorithm.sha256, signatureAlgorithm);
            if (peerAlgorithms != null && !peerAlgorithms.contains(chosen)) {
                for (Object offered : peerAlgorithms) {
                    SignatureAndHashAlgorithm algorithm = (SignatureAndHashAlgorithm) offered;
                    if (algorithm.getSignature() == signatureAlgorithm) {
                        chosen = algorithm;
                        break;
                    }
                }
            }
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO, privateKey,
                certificate, chosen);
    }
}
