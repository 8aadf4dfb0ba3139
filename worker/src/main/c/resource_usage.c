// getrusage(RUSAGE_SELF) for ResourceUsage (worker.getResourceUsage): one JNI call, where
// jnr-ffi would generate its stub on the first request (a second or two on a busy machine).
#include <jni.h>
#include <sys/resource.h>

#define FIELDS 16

// Fills out with user and system time in milliseconds, then the 14 counters of struct rusage
// in their order; false if getrusage failed.
JNIEXPORT jboolean JNICALL Java_io_jmediasoup_worker_ResourceUsage_getrusage(JNIEnv *env, jclass cls,
                                                                              jlongArray out) {
    (void)cls;
    struct rusage u;
    if (getrusage(RUSAGE_SELF, &u) != 0) return JNI_FALSE;
    jlong values[FIELDS] = {
        (jlong)u.ru_utime.tv_sec * 1000 + u.ru_utime.tv_usec / 1000,
        (jlong)u.ru_stime.tv_sec * 1000 + u.ru_stime.tv_usec / 1000,
        u.ru_maxrss, u.ru_ixrss, u.ru_idrss, u.ru_isrss, u.ru_minflt, u.ru_majflt, u.ru_nswap,
        u.ru_inblock, u.ru_oublock, u.ru_msgsnd, u.ru_msgrcv, u.ru_nsignals, u.ru_nvcsw, u.ru_nivcsw,
    };
    if ((*env)->GetArrayLength(env, out) < FIELDS) return JNI_FALSE;
    (*env)->SetLongArrayRegion(env, out, 0, FIELDS, values);
    return JNI_TRUE;
}
