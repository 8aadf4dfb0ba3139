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
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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
    /** The same in bctls terms, made once: a cold JVM takes a good part of a second over it. */
    private final DtlsIdentity identity;

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
        this.identity = DtlsIdentity.of(this);
    }

    DtlsIdentity identity() {
        return identity;
    }

    /**
     * A fresh ECDSA P-256 self-signed certificate, subject O=CN=mediasoupNNNNNN, as the C++ worker
     * makes; it signs with SHA-1, we with SHA-256: peers check only the fingerprint, and strict
     * stacks refuse SHA-1 signatures.
     */
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

    /**
     * The certificate and private key of two PEM files (RSA or EC keys, PKCS#8 or traditional), as
     * OpenSSL's PEM_read_X509 and PEM_read_PrivateKey read them: the first object of the wanted
     * kind, skipping others such as "EC PARAMETERS". The key must belong to the certificate.
     */
    public static DtlsCertificate load(Path certificateFile, Path privateKeyFile) throws IOException {
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter()
                    .getCertificate(firstPemObject(certificateFile, X509CertificateHolder.class, "certificate"));
        } catch (CertificateException invalid) {
            throw new IOException("invalid certificate in " + certificateFile + ": " + invalid.getMessage(), invalid);
        }
        Object keyObject = firstPemObject(privateKeyFile, Object.class, "private key");
        PrivateKeyInfo keyInfo = keyObject instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) keyObject;
        PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
        if (!"EC".equals(privateKey.getAlgorithm()) && !"RSA".equals(privateKey.getAlgorithm())) {
            throw new IOException("the private key in " + privateKeyFile + " is " + privateKey.getAlgorithm()
                    + ", DTLS needs EC or RSA");
        }
        if (!belongsTo(privateKey, certificate)) {
            throw new IOException("the private key in " + privateKeyFile + " does not match the certificate in "
                    + certificateFile);
        }
        return new DtlsCertificate(certificate, privateKey);
    }

    /** The first object of {@code kind} in a PEM file; a private key is a PEMKeyPair or a PrivateKeyInfo. */
    private static <T> T firstPemObject(Path file, Class<T> kind, String what) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                boolean isKey = object instanceof PEMKeyPair || object instanceof PrivateKeyInfo;
                if (kind == Object.class ? isKey : kind.isInstance(object)) {
                    return kind.cast(object);
                }
            }
        }
        throw new IOException("no PEM " + what + " in " + file);
    }

    /** What SSL_CTX_check_private_key checks: a signature by the key verifies with the certificate. */
    private static boolean belongsTo(PrivateKey privateKey, X509Certificate certificate) {
        String algorithm = "EC".equals(privateKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "jmediasoup".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException unusable) {
            return false;
        }
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
