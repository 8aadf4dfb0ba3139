package io.jmediasoup.rtp.dtls;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A DtlsTransport listener that records what it hears and puts outgoing datagrams on a wire;
 * it also checks that every callback runs on the event loop.
 */
final class RecordingListener implements DtlsTransport.Listener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> applicationData = new LinkedBlockingQueue<>();
    final CompletableFuture<SrtpKeys> keys = new CompletableFuture<>();
    final CompletableFuture<String> remoteCertificatePem = new CompletableFuture<>();
    final CompletableFuture<String> failure = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread loopThread;
    private volatile Consumer<byte[]> wire = datagram -> { };

    RecordingListener(ExecutorService loop) throws Exception {
        this.loopThread = loop.submit(Thread::currentThread).get();
    }

    void connectTo(Consumer<byte[]> wire) {
        this.wire = wire;
    }

    @Override
    public void onDtlsConnecting() {
        record("connecting");
    }

    @Override
    public void onDtlsConnected(SrtpKeys srtpKeys, String remoteCertificatePem) {
        record("connected");
        keys.complete(srtpKeys);
        this.remoteCertificatePem.complete(remoteCertificatePem);
    }

    @Override
    public void onDtlsFailed(String reason) {
        record("failed");
        failure.complete(reason);
    }

    @Override
    public void onDtlsClosed() {
        record("closed");
        closed.complete(null);
    }

    @Override
    public void onDtlsSendData(byte[] datagram) {
        checkThread();
        wire.accept(datagram);
    }

    @Override
    public void onDtlsApplicationData(byte[] data) {
        checkThread();
        applicationData.add(data);
    }

    String nextEvent() throws InterruptedException {
        return events.poll(5, TimeUnit.SECONDS);
    }

    private void record(String event) {
        checkThread();
        events.add(event);
    }

    private void checkThread() {
        if (Thread.currentThread() != loopThread) {
            events.add("callback off the loop on " + Thread.currentThread().getName());
        }
    }
}
