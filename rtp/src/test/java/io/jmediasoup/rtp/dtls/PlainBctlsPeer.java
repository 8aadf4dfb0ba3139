package io.jmediasoup.rtp.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A DTLS-SRTP peer written straight on bctls, independent of our classes: it runs its blocking
 * handshake on its own thread, offers or picks the given SRTP profiles, and records the keying
 * material it exports and the peer certificate it saw.
 */
final class PlainBctlsPeer implements AutoCloseable {
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto();

    final DtlsCertificate certificate = DtlsCertificate.generate();
    /** RFC 5764 §4.2 keying material: client key, server key, client salt, server salt. */
    final CompletableFuture<byte[]> keyingMaterial = new CompletableFuture<>();
    final CompletableFuture<Integer> profile = new CompletableFuture<>();
    final CompletableFuture<byte[]> peerCertificateDer = new CompletableFuture<>();
    final CompletableFuture<DTLSTransport> transport = new CompletableFuture<>();
    private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final int[] profiles;
    /** The DTLS versions it offers or accepts. */
    volatile ProtocolVersion[] versions = ProtocolVersion.DTLSv12.only();
    private volatile Consumer<byte[]> wire = datagram -> { };

    /** @param profiles as a client, those offered; as a server, those it accepts in its order */
    PlainBctlsPeer(int... profiles) {
        this.profiles = profiles;
    }

    void connectTo(Consumer<byte[]> wire) {
        this.wire = wire;
    }

    void receive(byte[] datagram) {
        incoming.add(datagram);
    }

    Future<?> runClient() {
        return thread.submit(() -> {
            transport.complete(new DTLSClientProtocol().connect(new Client(), datagrams()));
            return null;
        });
    }

    Future<?> runServer() {
        return thread.submit(() -> {
            transport.complete(new DTLSServerProtocol().accept(new Server(), datagrams()));
            return null;
        });
    }

    /** The next application data record, on the peer's thread. */
    byte[] receiveApplicationData() throws Exception {
        return thread.submit(() -> {
            DTLSTransport dtls = transport.get();
            byte[] buffer = new byte[dtls.getReceiveLimit()];
            int length = dtls.receive(buffer, 0, buffer.length, 5000);
            return length < 0 ? null : Arrays.copyOf(buffer, length);
        }).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private DatagramTransport datagrams() {
        return new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 1500;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                try {
                    byte[] datagram = incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
                    if (datagram == null) {
                        return -1;
                    }
                    System.arraycopy(datagram, 0, buf, off, datagram.length);
                    return datagram.length;
                } catch (InterruptedException interrupted) {
                    throw new java.io.InterruptedIOException();
                }
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                wire.accept(Arrays.copyOfRange(buf, off, off + len));
            }

            @Override
            public void close() {
            }
        };
    }

    private TlsCredentialedSigner signer(TlsContext context) {
        try {
            TlsCertificate der = CRYPTO.createCertificate(certificate.der());
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO,
                    PrivateKeyFactory.createKey(certificate.privateKey().getEncoded()),
                    new Certificate(new TlsCertificate[] {der}), TlsUtils.isTLSv12(context)
                            ? new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa) : null);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void handshakeComplete(TlsContext context, int selected, Certificate peerCertificate) throws IOException {
        int length = selected == 0x0008 ? 88 : selected == 0x0007 ? 56 : 60;
        profile.complete(selected);
        peerCertificateDer.complete(peerCertificate.getCertificateAt(0).getEncoded());
        keyingMaterial.complete(context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, length));
    }

    private final class Client extends DefaultTlsClient {
        private int selected;
        private Certificate serverCertificate;

        Client() {
            super(CRYPTO);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return versions;
        }

        @Override
        public Hashtable getClientExtensions() throws IOException {
            Hashtable extensions = super.getClientExtensions();
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(profiles, TlsUtils.EMPTY_BYTES));
            return extensions;
        }

        @Override
        public void processServerExtensions(Hashtable serverExtensions) throws IOException {
            super.processServerExtensions(serverExtensions);
            selected = TlsSRTPUtils.getUseSRTPExtension(serverExtensions).getProtectionProfiles()[0];
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate certificate) {
                    serverCertificate = certificate.getCertificate();
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) {
                    return signer(context);
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            handshakeComplete(context, selected, serverCertificate);
        }
    }

    private final class Server extends DefaultTlsServer {
        private int selected;
        private Certificate clientCertificate;

        Server() {
            super(CRYPTO);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return versions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() {
            return signer(context);
        }

        @Override
        public CertificateRequest getCertificateRequest() {
            return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign},
                    TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
        }

        @Override
        public void notifyClientCertificate(Certificate certificate) {
            clientCertificate = certificate;
        }

        @Override
        public void processClientExtensions(Hashtable clientExtensions) throws IOException {
            super.processClientExtensions(clientExtensions);
            int[] offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions).getProtectionProfiles();
            for (int candidate : profiles) {
                if (Arrays.stream(offered).anyMatch(id -> id == candidate)) {
                    selected = candidate;
                    return;
                }
            }
        }

        @Override
        public Hashtable getServerExtensions() throws IOException {
            Hashtable extensions = super.getServerExtensions();
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {selected}, TlsUtils.EMPTY_BYTES));
            return extensions;
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            handshakeComplete(context, selected, clientCertificate);
        }
    }
}
