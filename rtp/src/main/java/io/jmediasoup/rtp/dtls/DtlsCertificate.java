package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's DTLS identity: one certificate (DER) and private key for all its transports, and
 * the fingerprints it announces in dtlsParameters. A generated one is made with the JDK alone;
 * BouncyCastle is loaded only for PEM files and, through {@link #identity()}, at the first
 * handshake.
 */
public final class DtlsCertificate {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A self-signed certificate need not expire soon; ten years each way, as mediasoup does. */
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String COMMON_NAME = "2.5.4.3";

    private final byte[] der;
    private final PrivateKey privateKey;
    private final List<DtlsFingerprint> fingerprints;
    /** The same in bctls terms, made once, at the first handshake: a cold JVM takes a good part of a second over it. */
    private DtlsIdentity identity;

    DtlsCertificate(byte[] der, PrivateKey privateKey) {
        this.der = der.clone();
        this.privateKey = privateKey;
        List<DtlsFingerprint> computed = new ArrayList<>();
        for (String algorithm : DtlsFingerprint.ALGORITHMS) {
            computed.add(DtlsFingerprint.of(algorithm, der));
        }
        this.fingerprints = List.copyOf(computed);
    }

    synchronized DtlsIdentity identity() {
        if (identity == null) {
            identity = DtlsIdentity.of(this);
        }
        return identity;
    }

    /**
     * A fresh ECDSA P-256 self-signed X.509 v3 certificate as the C++ worker makes: subject and
     * issuer O=mediasoupNNNNNN, CN=mediasoupNNNNNN (UTF8String, as OpenSSL writes MBSTRING_ASC),
     * a serial from 1000000 to 9999999, valid from ten years ago to ten years ahead, no
     * extensions. 3.32.2 signs it with SHA-256, 3.8.4 with SHA-1; we sign with SHA-256 for both:
     * peers check only the fingerprint, and strict stacks refuse SHA-1 signatures.
     */
    public static DtlsCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            String subject = "mediasoup" + (100000 + RANDOM.nextInt(900000));
            byte[] name = Der.sequence(
                    Der.set(Der.sequence(Der.objectIdentifier(ORGANIZATION), Der.utf8String(subject))),
                    Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(subject))));
            byte[] signatureAlgorithm = Der.sequence(Der.objectIdentifier(ECDSA_WITH_SHA256));
            Instant now = Instant.now();
            byte[] tbsCertificate = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(BigInteger.valueOf(1000000 + RANDOM.nextInt(9000000))),
                    signatureAlgorithm,
                    name,
                    Der.sequence(Der.time(now.minus(VALIDITY)), Der.time(now.plus(VALIDITY))),
                    name,
                    keys.getPublic().getEncoded());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), RANDOM);
            signer.update(tbsCertificate);
            byte[] certificate = Der.sequence(tbsCertificate, signatureAlgorithm, Der.bitString(signer.sign()));
            return new DtlsCertificate(certificate, keys.getPrivate());
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot generate the DTLS certificate", failure);
        }
    }

    /**
     * The certificate and private key of two PEM files (RSA or EC keys, PKCS#8 or traditional), as
     * OpenSSL's PEM_read_X509 and PEM_read_PrivateKey read them. The key must belong to the certificate.
     */
    public static DtlsCertificate load(Path certificateFile, Path privateKeyFile) throws IOException {
        return PemCertificateFiles.load(certificateFile, privateKeyFile);
    }

    /** The certificate, DER-encoded. */
    public byte[] der() {
        return der.clone();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** One fingerprint per algorithm of {@link DtlsFingerprint#ALGORITHMS}, in that order. */
    public List<DtlsFingerprint> fingerprints() {
        return fingerprints;
    }
}
