package io.jmediasoup.worker.net;

import io.netty.channel.unix.Errors.NativeIoException;
import java.util.Locale;

/**
 * The errno of a failed socket call, read from Netty's native exception, with the text libuv
 * gives it: the C++ worker's bind errors quote libuv's wording. Linux numbering (the worker
 * runs on epoll only).
 */
record SocketErrno(int value, String text) {
    static final int EACCES = 13;
    static final int EMFILE = 24;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;

    /** The errno carried by {@code failure} or one of its causes, or -1 with its message. */
    static SocketErrno of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NativeIoException nativeFailure) {
                int errno = Math.abs(nativeFailure.expectedErr());
                return new SocketErrno(errno, libuvText(errno, nativeFailure.getMessage()));
            }
        }
        return new SocketErrno(-1, String.valueOf(failure.getMessage()));
    }

    private static String libuvText(int errno, String message) {
        return switch (errno) {
            case EACCES -> "permission denied";
            case EMFILE -> "too many open files";
            case EADDRINUSE -> "address already in use";
            case EADDRNOTAVAIL -> "address not available";
            default -> {
                // Netty's text is "call(..) failed: Strerror text"; libuv's is the strerror text in lower case.
                int colon = message.indexOf(": ");
                yield (colon < 0 ? message : message.substring(colon + 2)).toLowerCase(Locale.ROOT);
            }
        };
    }
}
