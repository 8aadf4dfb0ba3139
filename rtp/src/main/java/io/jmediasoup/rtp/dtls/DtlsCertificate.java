package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The worker's DTLS identity: one certificate and private key for all its transports, and the
 * fingerprints it announces in dtlsParameters.
 */
public final class DtlsCertificate {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A self-signed certificate need not expire soon; ten years each way, as mediasoup does. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final List<DtlsFingerprint> fingerprints;

    private DtlsCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        List<DtlsFingerprint> computed = new ArrayList<>();
        try {
            byte[] der = certificate.getEncoded();
            for (String algorithm : DtlsFingerprint.ALGORITHMS) {
                computed.add(DtlsFingerprint.of(algorithm, der));
            }
        } catch (CertificateException unencodable) {
            throw new IllegalStateException(unencodable);
        }
        this.fingerprints = List.copyOf(computed);
    }

    /** A fresh ECDSA P-256 self-signed certificate, subject O=CN=mediasoupNNNNNN. */
    public static DtlsCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            String subject = "mediasoup" + (100000 + RANDOM.nextInt(900000));
            X500Name name = new X500Name("O=" + subject + ",CN=" + subject);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(1000000 + RANDOM.nextInt(9000000)), Date.from(now.minus(VALIDITY)),
                    Date.from(now.plus(VALIDITY)), name, keys.getPublic());
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new DtlsCertificate(new JcaX509CertificateConverter().getCertificate(holder), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException failure) {
            throw new IllegalStateException("cannot generate the DTLS certificate", failure);
        }
    }

    /** The certificate and private key of two PEM files (RSA or EC keys). */
    public static DtlsCertificate load(Path certificateFile, Path privateKeyFile) throws IOException {
        X509Certificate certificate;
        PrivateKey privateKey;
        try (Reader reader = Files.newBufferedReader(certificateFile, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder)) {
                throw new IOException("no PEM certificate in " + certificateFile);
            }
            certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) object);
        } catch (CertificateException invalid) {
            throw new IOException("invalid certificate in " + certificateFile + ": " + invalid.getMessage(), invalid);
        }
        try (Reader reader = Files.newBufferedReader(privateKeyFile, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair) {
                privateKey = converter.getPrivateKey(((PEMKeyPair) object).getPrivateKeyInfo());
            } else if (object instanceof PrivateKeyInfo) {
                privateKey = converter.getPrivateKey((PrivateKeyInfo) object);
            } else {
                throw new IOException("no PEM private key in " + privateKeyFile);
            }
        }
        return new DtlsCertificate(certificate, privateKey);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** One fingerprint per algorithm of {@link DtlsFingerprint#ALGORITHMS}, in that order. */
    public List<DtlsFingerprint> fingerprints() {
        return fingerprints;
    }
}
