package io.jmediasoup.worker;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** worker.getResourceUsage: getrusage(RUSAGE_SELF) with the fields and units of the C++ worker. */
final class ResourceUsage {
    /** The libc function; bound on first use so that start-up does not pay for it. */
    public interface LibC {
        int getrusage(int who, Pointer usage);
    }

    private static final int RUSAGE_SELF = 0;
    /** The long fields after the two timevals of struct rusage, in their order. */
    private static final String[] COUNTERS = {
        "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock",
        "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"
    };

    private static LibC libc;

    private ResourceUsage() {}

    static JsonObject snapshot() {
        if (libc == null) {
            libc = LibraryLoader.create(LibC.class).load("c");
        }
        Runtime runtime = Runtime.getRuntime(libc);
        int longSize = runtime.longSize();
        Pointer usage = Memory.allocateDirect(runtime, (4 + COUNTERS.length) * longSize, true);
        if (libc.getrusage(RUSAGE_SELF, usage) != 0) {
            throw new MediasoupError("getrusage() failed [errno:" + runtime.getLastError() + "]");
        }
        JsonObject json = new JsonObject();
        json.addProperty("ru_utime", millis(usage, 0, longSize));
        json.addProperty("ru_stime", millis(usage, 2 * longSize, longSize));
        for (int i = 0; i < COUNTERS.length; i++) {
            json.addProperty(COUNTERS[i], usage.getNativeLong((4L + i) * longSize));
        }
        return json;
    }

    /** A struct timeval at {@code offset}, in milliseconds. */
    private static long millis(Pointer usage, long offset, int longSize) {
        return usage.getNativeLong(offset) * 1000 + usage.getNativeLong(offset + longSize) / 1000;
    }
}
