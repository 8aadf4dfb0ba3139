package io.jmediasoup.worker;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.rtp.NativeLibraries;
import io.jmediasoup.worker.messages.WorkerResponse;
import java.util.Arrays;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * worker.getResourceUsage: getrusage(RUSAGE_SELF) with the fields and units of the C++ worker,
 * through the worker's JNI shim (src/main/c/resource_usage.c), else through jnr-ffi, whose stub
 * takes a second or two to generate on a busy machine at the first request.
 */
final class ResourceUsage {
    /** The libc function; bound on first use so that start-up does not pay for it. */
    public interface LibC {
        int getrusage(int who, Pointer usage);
    }

    private static final int RUSAGE_SELF = 0;
    /** The long fields after the two timevals of struct rusage. */
    private static final int COUNTERS = WorkerResponse.ResourceUsage.COUNTER_NAMES.size();
    /** Null once the shim is loaded. */
    private static final String SHIM_REASON = NativeLibraries.load(ResourceUsage.class, "jmrusage");

    private static LibC libc;

    private ResourceUsage() {}

    static WorkerResponse.ResourceUsage snapshot() {
        long[] fields = SHIM_REASON == null ? throughShim() : throughJnr();
        return new WorkerResponse.ResourceUsage(fields[0], fields[1],
                Arrays.stream(fields, 2, fields.length).boxed().toList());
    }

    /** User and system time in milliseconds, then the counters: from the JNI shim. */
    private static long[] throughShim() {
        long[] fields = new long[2 + COUNTERS];
        if (!getrusage(fields)) {
            throw new MediasoupError("getrusage() failed");
        }
        return fields;
    }

    /** The same fields, from struct rusage as jnr-ffi reads it. */
    private static long[] throughJnr() {
        if (libc == null) {
            libc = LibraryLoader.create(LibC.class).load("c");
        }
        Runtime runtime = Runtime.getRuntime(libc);
        int longSize = runtime.longSize();
        Pointer usage = Memory.allocateDirect(runtime, (4 + COUNTERS) * longSize, true);
        if (libc.getrusage(RUSAGE_SELF, usage) != 0) {
            throw new MediasoupError("getrusage() failed [errno:" + runtime.getLastError() + "]");
        }
        long[] fields = new long[2 + COUNTERS];
        fields[0] = millis(usage, 0, longSize);
        fields[1] = millis(usage, 2 * longSize, longSize);
        for (int i = 0; i < COUNTERS; i++) {
            fields[2 + i] = usage.getNativeLong((4L + i) * longSize);
        }
        return fields;
    }

    /** User and system time in milliseconds, then the counters of struct rusage in their order; false on failure. */
    private static native boolean getrusage(long[] fields);

    /** A struct timeval at {@code offset}, in milliseconds. */
    private static long millis(Pointer usage, long offset, int longSize) {
        return usage.getNativeLong(offset) * 1000 + usage.getNativeLong(offset + longSize) / 1000;
    }
}
