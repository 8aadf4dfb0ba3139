package io.jmediasoup.rtp.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated certificate against what the C++ worker generates, and PEM files as operators give them. */
class DtlsCertificateTest {
    @TempDir
    Path directory;

    @Test
    void generatesAnEcdsaP256SelfSignedCertificateAsTheCppWorker() throws Exception {
        DtlsCertificate generated = DtlsCertificate.generate();
        X509Certificate certificate = parse(generated.der());

        ECPublicKey key = (ECPublicKey) certificate.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("EC", generated.privateKey().getAlgorithm());
        certificate.verify(certificate.getPublicKey());
        assertEquals(3, certificate.getVersion());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertNull(certificate.getSigAlgParams());
        assertNull(certificate.getExtensionValue("2.5.29.19"));
        assertNull(certificate.getNonCriticalExtensionOIDs());
        assertNull(certificate.getCriticalExtensionOIDs());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        Matcher subject = Pattern.compile("CN=(mediasoup\\d{6}),O=(mediasoup\\d{6})")
                .matcher(certificate.getSubjectX500Principal().getName());
        assertTrue(subject.matches(), certificate.getSubjectX500Principal().getName());
        assertEquals(subject.group(1), subject.group(2));
        BigInteger serial = certificate.getSerialNumber();
        assertTrue(serial.intValueExact() >= 1000000 && serial.intValueExact() <= 9999999, serial.toString());
        Instant now = Instant.now();
        assertTrue(Duration.between(certificate.getNotBefore().toInstant(), now).toDays() >= 3649);
        assertTrue(Duration.between(now, certificate.getNotAfter().toInstant()).toDays() >= 3649);
        assertEquals(Duration.ofDays(7300), Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()));
        assertArrayEquals(generated.der(), certificate.getEncoded());
    }

    @Test
    void namesAreUtf8StringsInOrganizationThenCommonNameOrder() throws Exception {
        X509Certificate certificate = parse(DtlsCertificate.generate().der());
        byte[] subject = certificate.getSubjectX500Principal().getEncoded();
        String name = certificate.getSubjectX500Principal().getName().substring(3, 18);
        byte[] utf8 = name.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = Der.sequence(
                Der.set(Der.sequence(Der.objectIdentifier("2.5.4.10"), Der.tlv(0x0C, utf8))),
                Der.set(Der.sequence(Der.objectIdentifier("2.5.4.3"), Der.tlv(0x0C, utf8))));
        assertArrayEquals(expected, subject);
        assertArrayEquals(subject, certificate.getIssuerX500Principal().getEncoded());
    }

    @Test
    void fingerprintsAreTheDigestsOfTheDer() throws Exception {
        DtlsCertificate generated = DtlsCertificate.generate();
        byte[] encoded = parse(generated.der()).getEncoded();
        for (DtlsFingerprint fingerprint : generated.fingerprints()) {
            byte[] digest = MessageDigest.getInstance(fingerprint.algorithm().toUpperCase(Locale.ROOT)).digest(encoded);
            assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest), fingerprint.value());
        }
    }

    @Test
    void fingerprintsEveryAlgorithmInUppercaseHexPairs() throws Exception {
        DtlsCertificate generated = DtlsCertificate.generate();
        List<DtlsFingerprint> fingerprints = generated.fingerprints();
        int[] digestLengths = {20, 28, 32, 48, 64};
        for (int i = 0; i < digestLengths.length; i++) {
            DtlsFingerprint fingerprint = fingerprints.get(i);
            assertEquals(DtlsFingerprint.ALGORITHMS.get(i), fingerprint.algorithm());
            assertEquals(digestLengths[i] * 3 - 1, fingerprint.value().length());
            assertTrue(fingerprint.value().matches("[0-9A-F]{2}(:[0-9A-F]{2})*"), fingerprint.value());
        }
    }

    @ParameterizedTest
    @EnumSource(PemFiles.KeyFormat.class)
    void loadsTheCertificateAndKeyOfPemFiles(PemFiles.KeyFormat format) throws Exception {
        KeyPair keys = PemFiles.keyPair(format);
        PemFiles files = PemFiles.write(directory, format, keys, keys);

        DtlsCertificate loaded = DtlsCertificate.load(files.certificateFile, files.privateKeyFile);

        assertArrayEquals(files.certificate.getEncoded(), loaded.der());
        assertEquals(keys.getPrivate().getAlgorithm(), loaded.privateKey().getAlgorithm());
        assertEquals(DtlsFingerprint.of("sha-256", files.certificate.getEncoded()), loaded.fingerprints().get(2));
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        KeyPair certified = PemFiles.keyPair(PemFiles.KeyFormat.EC_PKCS8);
        KeyPair other = PemFiles.keyPair(PemFiles.KeyFormat.EC_PKCS8);
        PemFiles files = PemFiles.write(directory, PemFiles.KeyFormat.EC_PKCS8, certified, other);

        IOException refused = assertThrows(IOException.class,
                () -> DtlsCertificate.load(files.certificateFile, files.privateKeyFile));
        assertTrue(refused.getMessage().contains("does not match the certificate"), refused.getMessage());
    }

    @Test
    void refusesFilesWithoutTheWantedPemObject() throws Exception {
        KeyPair keys = PemFiles.keyPair(PemFiles.KeyFormat.EC_PKCS8);
        PemFiles files = PemFiles.write(directory, PemFiles.KeyFormat.EC_PKCS8, keys, keys);
        Path empty = Files.writeString(directory.resolve("empty.pem"), "not PEM\n", StandardCharsets.US_ASCII);

        assertTrue(assertThrows(IOException.class, () -> DtlsCertificate.load(empty, files.privateKeyFile))
                .getMessage().startsWith("no PEM certificate in "));
        assertTrue(assertThrows(IOException.class, () -> DtlsCertificate.load(files.certificateFile, files.certificateFile))
                .getMessage().startsWith("no PEM private key in "));
    }

    private static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
