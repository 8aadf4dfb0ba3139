package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** A certificate and private key written as PEM files, the way an operator would give them to the worker. */
final class PemFiles {
    /** How the key is written: a key type and its PEM form. */
    enum KeyFormat {
        /** "-----BEGIN PRIVATE KEY-----", as `openssl genpkey` writes. */
        EC_PKCS8,
        /** "EC PARAMETERS" then "EC PRIVATE KEY" (RFC 5915, curve inside), as `openssl ecparam -genkey` writes. */
        EC_TRADITIONAL_WITH_PARAMETERS,
        RSA_PKCS8,
        /** "-----BEGIN RSA PRIVATE KEY-----". */
        RSA_TRADITIONAL
    }

    /** prime256v1's OID, the block `openssl ecparam -name prime256v1` writes. */
    private static final String EC_PARAMETERS =
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

    final Path certificateFile;
    final Path privateKeyFile;
    final X509CertificateHolder certificate;

    private PemFiles(Path certificateFile, Path privateKeyFile, X509CertificateHolder certificate) {
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.certificate = certificate;
    }

    static KeyPair keyPair(KeyFormat format) throws Exception {
        boolean ec = format == KeyFormat.EC_PKCS8 || format == KeyFormat.EC_TRADITIONAL_WITH_PARAMETERS;
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ec ? "EC" : "RSA");
        if (ec) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(1024); // small: generating it is most of the test's time
        }
        return generator.generateKeyPair();
    }

    /** A self-signed certificate for {@code certified}, and {@code written} as the private key file. */
    static PemFiles write(Path directory, KeyFormat format, KeyPair certified, KeyPair written) throws Exception {
        boolean ec = "EC".equals(certified.getPrivate().getAlgorithm());
        X500Name name = new X500Name("CN=operator");
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                certified.getPublic())
                .build(new JcaContentSignerBuilder(ec ? "SHA256withECDSA" : "SHA256withRSA").build(certified.getPrivate()));
        Path certificateFile = directory.resolve("cert.pem");
        Path privateKeyFile = directory.resolve("key.pem");
        Files.writeString(certificateFile, pem(certificate), StandardCharsets.US_ASCII);
        String key = switch (format) {
            case EC_PKCS8, RSA_PKCS8 -> pem(new JcaPKCS8Generator(written.getPrivate(), null).generate());
            case EC_TRADITIONAL_WITH_PARAMETERS -> EC_PARAMETERS + pem(new PemObject("EC PRIVATE KEY",
                    new ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) written.getPrivate()).getS(),
                            new X962Parameters(SECObjectIdentifiers.secp256r1)).getEncoded()));
            case RSA_TRADITIONAL -> pem(written.getPrivate());
        };
        Files.writeString(privateKeyFile, key, StandardCharsets.US_ASCII);
        return new PemFiles(certificateFile, privateKeyFile, certificate);
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
