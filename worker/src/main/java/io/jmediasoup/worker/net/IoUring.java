package io.jmediasoup.worker.net;

import io.jmediasoup.rtp.NativeLibraries;

/**
 * An io_uring (src/main/c/udp_uring.c) that sends datagrams on any number of UDP sockets with
 * one system call: the messages of a read batch that fans out to many transports, each on its
 * own socket, cost one io_uring_enter where sendmmsg costs one call per socket. Every message
 * has completed when {@link #send} returns. Loop thread only.
 */
final class IoUring {
    /** {@code -Djmediasoup.udp.uring=false} keeps the worker on sendmmsg. */
    static final String PROPERTY = "jmediasoup.udp.uring";
    private static final String LIBRARY_REASON = NativeLibraries.load(IoUring.class, "jmuring");

    private long handle;

    private IoUring(long handle) {
        this.handle = handle;
    }

    /**
     * A ring for up to {@code entries} messages per {@link #send}; null where the shim is missing,
     * the kernel has no io_uring or refuses it (a seccomp filter, kernel.io_uring_disabled), or
     * the property turns it off.
     */
    static IoUring open(int entries) {
        if (LIBRARY_REASON != null || "false".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        long created = create(entries);
        return created > 0 ? new IoUring(created) : null;
    }

    /**
     * Sends the {@code count} struct mmsghdr at {@code messages}, message i on the descriptor at
     * {@code fds} + 4i; each one's result (bytes sent, or -errno) lands in its msg_len. Returns 0,
     * or -errno if the ring failed: then nothing was sent and the ring is closed.
     */
    int send(long messages, long fds, int count) {
        int result = send(handle, messages, fds, count);
        if (result < 0) {
            close();
        }
        return result;
    }

    void close() {
        if (handle != 0) {
            free(handle);
            handle = 0;
        }
    }

    private static native long create(int entries);

    private static native void free(long handle);

    private static native int send(long handle, long messages, long fds, int count);
}
