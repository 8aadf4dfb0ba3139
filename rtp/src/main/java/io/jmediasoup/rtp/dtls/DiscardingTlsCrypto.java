package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsEncodeResult;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's crypto with ciphers that make every record they cannot decode look like one
 * with a bad MAC. DTLS discards invalid records silently (RFC 6347 §4.1.2.7), as OpenSSL in
 * the C++ worker does, and bctls does so for a bad MAC; but a record too short for the cipher
 * (decode_error) or not a whole number of blocks (decryption_failed) made bctls fail the
 * association, so one forged 13-byte datagram from the peer's address closed it.
 */
final class DiscardingTlsCrypto extends BcTlsCrypto {
    DiscardingTlsCrypto(SecureRandom random) {
        super(random);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters cryptoParams, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        return new Discarding(super.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm));
    }

    private record Discarding(TlsCipher cipher) implements TlsCipher {
        @Override
        public TlsDecodeResult decodeCiphertext(long seqNo, short recordType, ProtocolVersion recordVersion,
                byte[] ciphertext, int offset, int len) throws IOException {
            try {
                return cipher.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
            } catch (TlsFatalAlert invalid) {
                short description = invalid.getAlertDescription();
                if (description == AlertDescription.decode_error || description == AlertDescription.decryption_failed) {
                    throw new TlsFatalAlert(AlertDescription.bad_record_mac, invalid);
                }
                throw invalid;
            }
        }

        @Override
        public int getCiphertextDecodeLimit(int plaintextLimit) {
            return cipher.getCiphertextDecodeLimit(plaintextLimit);
        }

        @Override
        public int getCiphertextEncodeLimit(int plaintextLimit) {
            return cipher.getCiphertextEncodeLimit(plaintextLimit);
        }

        @Override
        public int getPlaintextDecodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextDecodeLimit(ciphertextLimit);
        }

        @Override
        public int getPlaintextEncodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextEncodeLimit(ciphertextLimit);
        }

        @Override
        public TlsEncodeResult encodePlaintext(long seqNo, short contentType, ProtocolVersion recordVersion,
                int headerAllocation, byte[] plaintext, int offset, int len) throws IOException {
            return cipher.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext, offset, len);
        }

        @Override
        public void rekeyDecoder() throws IOException {
            cipher.rekeyDecoder();
        }

        @Override
        public void rekeyEncoder() throws IOException {
            cipher.rekeyEncoder();
        }

        @Override
        public boolean usesOpaqueRecordTypeDecode() {
            return cipher.usesOpaqueRecordTypeDecode();
        }

        @Override
        public boolean usesOpaqueRecordTypeEncode() {
            return cipher.usesOpaqueRecordTypeEncode();
        }
    }
}
