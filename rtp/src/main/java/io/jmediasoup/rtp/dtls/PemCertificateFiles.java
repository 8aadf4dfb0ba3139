package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** An operator's certificate and private key, read from PEM files (--dtlsCertificateFile, --dtlsPrivateKeyFile). */
final class PemCertificateFiles {
    private PemCertificateFiles() {}

    /**
     * The first object of the wanted kind in each file, as OpenSSL's PEM_read_X509 and
     * PEM_read_PrivateKey read them, skipping others such as "EC PARAMETERS".
     *
     * @throws IllegalArgumentException for a key that bctls cannot sign with
     */
    static DtlsCertificate load(Path certificateFile, Path privateKeyFile) throws IOException {
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
        try {
            DtlsCertificate loaded = new DtlsCertificate(certificate.getEncoded(), privateKey);
            // BouncyCastle is loaded for the files anyway: refuse what bctls cannot use now, not at a handshake.
            loaded.identity();
            return loaded;
        } catch (CertificateException unencodable) {
            throw new IOException("invalid certificate in " + certificateFile + ": " + unencodable.getMessage(),
                    unencodable);
        }
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
}
