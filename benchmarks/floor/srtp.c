// The C reference for scripts/bench-srtp: libsrtp's protect and unprotect of the packet
// SrtpBenchmark uses (12-byte header, 1,200-byte payload, the next sequence number each time,
// copied into the buffer first as the Java benchmark writes it), per suite, timed in rounds.
//
// Output: one line per suite and operation, "suite operation ns_per_op" with the median of the
// rounds; first a line "# libsrtp version".
//
// usage: srtp [rounds] [milliseconds per round]
#include <srtp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HEADER 12
#define PAYLOAD 1200
#define MAX_ROUNDS 64

typedef struct {
    const char *name;
#ifdef LIBSRTP3
    srtp_profile_t profile;
#else
    void (*rtp)(srtp_crypto_policy_t *);
    void (*rtcp)(srtp_crypto_policy_t *);
#endif
    int key_length;
} suite_t;

#ifdef LIBSRTP3
static const suite_t SUITES[] = {
    {"AES_CM_128_HMAC_SHA1_80", srtp_profile_aes128_cm_sha1_80, 30},
    {"AES_CM_128_HMAC_SHA1_32", srtp_profile_aes128_cm_sha1_32, 30},
    {"AEAD_AES_128_GCM", srtp_profile_aead_aes_128_gcm, 28},
    {"AEAD_AES_256_GCM", srtp_profile_aead_aes_256_gcm, 44},
};
#else
static const suite_t SUITES[] = {
    {"AES_CM_128_HMAC_SHA1_80", srtp_crypto_policy_set_rtp_default,
     srtp_crypto_policy_set_rtcp_default, 30},
    {"AES_CM_128_HMAC_SHA1_32", srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32,
     srtp_crypto_policy_set_rtcp_default, 30},
    {"AEAD_AES_128_GCM", srtp_crypto_policy_set_aes_gcm_128_16_auth,
     srtp_crypto_policy_set_aes_gcm_128_16_auth, 28},
    {"AEAD_AES_256_GCM", srtp_crypto_policy_set_aes_gcm_256_16_auth,
     srtp_crypto_policy_set_aes_gcm_256_16_auth, 44},
};
#endif

static unsigned char clear[HEADER + PAYLOAD];
static unsigned char packet[HEADER + PAYLOAD + SRTP_MAX_TRAILER_LEN];
static uint16_t seq;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void check(int ok, const suite_t *suite, const char *what) {
    if (!ok) {
        fprintf(stderr, "%s failed for %s\n", what, suite->name);
        exit(1);
    }
}

// A session as each worker makes it: a 1,024-packet replay window, repeated sends allowed.
static srtp_t session(const suite_t *suite, unsigned char *key, srtp_ssrc_type_t direction) {
    srtp_t s;
#ifdef LIBSRTP3
    srtp_policy_t policy;
    srtp_ssrc_t ssrc = {direction, 0};
    size_t key_length = srtp_profile_get_master_key_length(suite->profile);
    check(srtp_policy_create(&policy) == srtp_err_status_ok, suite, "srtp_policy_create");
    check(srtp_policy_set_ssrc(policy, ssrc) == srtp_err_status_ok &&
              srtp_policy_set_profile(policy, suite->profile) == srtp_err_status_ok &&
              srtp_policy_add_key(policy, key, key_length, key + key_length,
                                  srtp_profile_get_master_salt_length(suite->profile), NULL, 0) == srtp_err_status_ok &&
              srtp_policy_set_allow_repeat_tx(policy, true) == srtp_err_status_ok &&
              srtp_policy_set_window_size(policy, 1024) == srtp_err_status_ok,
          suite, "the policy");
    check(srtp_create(&s, policy) == srtp_err_status_ok, suite, "srtp_create");
    srtp_policy_destroy(policy);
#else
    srtp_policy_t policy;
    memset(&policy, 0, sizeof policy);
    suite->rtp(&policy.rtp);
    suite->rtcp(&policy.rtcp);
    policy.ssrc.type = direction;
    policy.key = key;
    policy.window_size = 1024;
    policy.allow_repeat_tx = 1;
    check(srtp_create(&s, &policy) == srtp_err_status_ok, suite, "srtp_create");
#endif
    return s;
}

static void write_next(void) {
    seq++;
    clear[2] = seq >> 8;
    clear[3] = seq;
    memcpy(packet, clear, sizeof clear);
}

// One protect (and unprotect when receiver is given); exits on a refusal, which would make
// the figure not that of the operation.
static void once(srtp_t sender, srtp_t receiver) {
    write_next();
#ifdef LIBSRTP3
    // libsrtp 3 (the 3.32.2 worker's) takes input and output buffers and the output's capacity.
    size_t length = sizeof packet, clear_length = sizeof packet;
    srtp_err_status_t status = srtp_protect(sender, packet, sizeof clear, packet, &length, 0);
    srtp_err_status_t back = receiver ? srtp_unprotect(receiver, packet, length, packet, &clear_length)
                                      : srtp_err_status_ok;
#else
    int length = sizeof clear;
    srtp_err_status_t status = srtp_protect(sender, packet, &length);
    srtp_err_status_t back = receiver ? srtp_unprotect(receiver, packet, &length) : srtp_err_status_ok;
#endif
    if (status != srtp_err_status_ok) {
        fprintf(stderr, "srtp_protect failed\n");
        exit(1);
    }
    if (back != srtp_err_status_ok) {
        fprintf(stderr, "srtp_unprotect failed\n");
        exit(1);
    }
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double measure(srtp_t sender, srtp_t receiver, int rounds, double round_ns) {
    double results[MAX_ROUNDS];
    for (int warm = 0; warm < 100000; warm++) once(sender, receiver);
    for (int r = 0; r < rounds; r++) {
        long n = 0;
        double start = now_ns(), elapsed;
        do {
            for (int i = 0; i < 1000; i++) once(sender, receiver);
            n += 1000;
            elapsed = now_ns() - start;
        } while (elapsed < round_ns);
        results[r] = elapsed / n;
    }
    qsort(results, rounds, sizeof results[0], compare);
    return results[rounds / 2];
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 5;
    double round_ns = (argc > 2 ? atof(argv[2]) : 1000) * 1e6;
    if (rounds < 1 || rounds > MAX_ROUNDS) rounds = 5;
    srtp_init();
    printf("# %s\n", srtp_get_version_string());
    clear[0] = 0x80;
    clear[1] = 96;
    clear[8] = 0x12;
    clear[11] = 0x34;
    for (int i = HEADER; i < (int)sizeof clear; i++) clear[i] = i;
    for (size_t s = 0; s < sizeof SUITES / sizeof SUITES[0]; s++) {
        const suite_t *suite = &SUITES[s];
        unsigned char key[64];
        for (int i = 0; i < suite->key_length; i++) key[i] = 31 * i + 5;
        srtp_t sender = session(suite, key, ssrc_any_outbound);
        srtp_t receiver = session(suite, key, ssrc_any_inbound);
        printf("%s protect %.1f\n", suite->name, measure(sender, NULL, rounds, round_ns));
        srtp_dealloc(sender);
        sender = session(suite, key, ssrc_any_outbound);
        printf("%s protectAndUnprotect %.1f\n", suite->name, measure(sender, receiver, rounds, round_ns));
        fflush(stdout);
        srtp_dealloc(sender);
        srtp_dealloc(receiver);
    }
    srtp_shutdown();
    return 0;
}
