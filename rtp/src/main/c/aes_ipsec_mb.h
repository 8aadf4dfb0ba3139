// AES-GCM and AES-CTR through Intel's ipsec-mb (BSD-3-Clause, Debian's libipsec-mb-dev, linked
// statically), for srtp_openssl.c. OpenSSL 3's EVP takes five calls to seal a GCM packet and two
// to run CTR over one, each through its provider layer: ~150 ns around a 1,200-byte GCM payload
// and 59 of CTR's 190. ipsec-mb does a packet in one call: GCM in less than EVP's calls alone on
// CPUs with VAES, and CTR in a third of EVP's time.
//
// ipsec-mb keeps one implementation per CPU generation and its manager picks one at run time,
// but linking the manager brings every algorithm of the library (12 MB). Only the GCM and CTR
// functions are linked here (4 MB), and the variant is picked from the same CPU features, as
// libgcc reads them (including whether the OS saves the AVX and AVX-512 registers).
#ifndef AES_IPSEC_MB_H
#define AES_IPSEC_MB_H

#include <stdint.h>

// The associated data of a packet in one piece: SRTP's header, or SRTCP's first 8 bytes and its
// index word, which lies after the payload. A longer one (SRTCP sent unencrypted, whose whole
// packet is associated data) is left to EVP.
#define FAST_GCM_JOINED_AAD 64

typedef struct fast_gcm fast_gcm_t;
typedef struct fast_ctr fast_ctr_t;

#ifdef JMSRTP_IPSEC_MB

#include <intel-ipsec-mb.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if IMB_VERSION_NUM >= 0x10300 && IMB_VERSION_NUM < 0x10400
// ipsec-mb 1.3 exports, but declares only for its manager, its VAES/AVX-512 GCM (twice the speed
// of the AVX2 one) and its CTR functions: declared here for that version alone, and held to
// EVP's output by IpsecMbCrossCheckTest.
#define IPSEC_MB_1_3 1
#define VAES_GCM_PROTOTYPES(bits)                                                                            \
    void aes_gcm_pre_##bits##_vaes_avx512(const void *, struct gcm_key_data *);                              \
    void aes_gcm_enc_##bits##_vaes_avx512(const struct gcm_key_data *, struct gcm_context_data *, uint8_t *, \
                                          uint8_t const *, uint64_t, const uint8_t *, uint8_t const *,       \
                                          uint64_t, uint8_t *, uint64_t);                                    \
    void aes_gcm_dec_##bits##_vaes_avx512(const struct gcm_key_data *, struct gcm_context_data *, uint8_t *, \
                                          uint8_t const *, uint64_t, const uint8_t *, uint8_t const *,       \
                                          uint64_t, uint8_t *, uint64_t);
VAES_GCM_PROTOTYPES(128)
VAES_GCM_PROTOTYPES(256)
void aes_cntr_128_sse(const void *in, const void *iv, const void *keys, void *out, uint64_t length, uint64_t iv_length);
void aes_cntr_128_avx(const void *in, const void *iv, const void *keys, void *out, uint64_t length, uint64_t iv_length);
IMB_JOB *aes_cntr_128_submit_vaes_avx512(IMB_JOB *job);
#endif

typedef void (*ctr_direct_t)(const void *, const void *, const void *, void *, uint64_t, uint64_t);
typedef IMB_JOB *(*ctr_job_t)(IMB_JOB *);

typedef struct {
    const char *name;
    aes_gcm_pre_t pre128, pre256;
    aes_gcm_enc_dec_t seal128, seal256, open128, open256;
    // AES-128-CTR, where this version of the library has it: a function, or a job's.
    keyexp_t expand128;
    ctr_direct_t ctr128;
    ctr_job_t ctr128_job;
} aes_variant_t;

#define GCM_VARIANT(suffix)                                                                                  \
    #suffix, aes_gcm_pre_128_##suffix, aes_gcm_pre_256_##suffix, aes_gcm_enc_128_##suffix,                  \
        aes_gcm_enc_256_##suffix, aes_gcm_dec_128_##suffix, aes_gcm_dec_256_##suffix

#ifdef IPSEC_MB_1_3
static const aes_variant_t VAES_AVX512 = {GCM_VARIANT(vaes_avx512), aes_keyexp_128_avx512, NULL,
                                          aes_cntr_128_submit_vaes_avx512};
static const aes_variant_t AVX_GEN4 = {GCM_VARIANT(avx_gen4), aes_keyexp_128_avx2, aes_cntr_128_avx, NULL};
static const aes_variant_t AVX_GEN2 = {GCM_VARIANT(avx_gen2), aes_keyexp_128_avx, aes_cntr_128_avx, NULL};
static const aes_variant_t SSE = {GCM_VARIANT(sse), aes_keyexp_128_sse, aes_cntr_128_sse, NULL};
#else
static const aes_variant_t AVX_GEN4 = {GCM_VARIANT(avx_gen4), NULL, NULL, NULL};
static const aes_variant_t AVX_GEN2 = {GCM_VARIANT(avx_gen2), NULL, NULL, NULL};
static const aes_variant_t SSE = {GCM_VARIANT(sse), NULL, NULL, NULL};
#endif

// The variant this CPU runs, or NULL (no AES-NI or PCLMULQDQ: EVP does GCM and CTR), and its
// name; picked once, as the library loads, before any thread can ask.
static const aes_variant_t *variant;
static char library_name[48];

__attribute__((constructor)) static void pick_aes_variant(void) {
    __builtin_cpu_init();
    int base = __builtin_cpu_supports("aes") && __builtin_cpu_supports("pclmul") &&
               __builtin_cpu_supports("sse4.2");
    if (!base) return;
#ifdef IPSEC_MB_1_3
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("vaes") &&
        __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2")) {
        variant = &VAES_AVX512;
    } else
#endif
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2")) {
        variant = &AVX_GEN4;
    } else if (__builtin_cpu_supports("avx")) {
        variant = &AVX_GEN2;
    } else {
        variant = &SSE;
    }
    snprintf(library_name, sizeof library_name, "ipsec-mb %s %s", IMB_VERSION_STR, variant->name);
}

// The library's name and variant, or NULL where GCM and CTR stay with EVP.
static const char *fast_aes_library(void) {
    return variant ? library_name : NULL;
}

struct fast_gcm {
    struct gcm_key_data key;  // first: aligned_alloc aligns it to 64 bytes
    aes_gcm_enc_dec_t seal, open;
};

struct fast_ctr {
    uint8_t keys[16 * 15];  // first: aligned_alloc aligns it to 64 bytes
    uint8_t decrypt_keys[16 * 15];  // written by the key expansion, read by nothing here
    ctr_direct_t direct;
    ctr_job_t job;
};

// Zeroed memory for a state that starts with keys, aligned to 64 bytes; NULL if out of memory.
static void *aligned_state(size_t size) {
    size = (size + 63) / 64 * 64;
    void *state = aligned_alloc(64, size);
    if (state) memset(state, 0, size);
    return state;
}

static fast_gcm_t *fast_gcm_new(const uint8_t *key, int key_length) {
    const aes_variant_t *v = variant;
    if (!v || (key_length != 16 && key_length != 32)) return NULL;
    fast_gcm_t *f = aligned_state(sizeof(fast_gcm_t));
    if (!f) return NULL;
    (key_length == 16 ? v->pre128 : v->pre256)(key, &f->key);
    f->seal = key_length == 16 ? v->seal128 : v->seal256;
    f->open = key_length == 16 ? v->open128 : v->open256;
    return f;
}

static fast_ctr_t *fast_ctr_new(const uint8_t *key, int key_length) {
    const aes_variant_t *v = variant;
    if (!v || !v->expand128 || key_length != 16) return NULL;
    fast_ctr_t *f = aligned_state(sizeof(fast_ctr_t));
    if (!f) return NULL;
    v->expand128(key, f->keys, f->decrypt_keys);
    f->direct = v->ctr128;
    f->job = v->ctr128_job;
    return f;
}

static void fast_state_free(void *state, size_t size) {
    if (!state) return;
    OPENSSL_cleanse(state, size);
    free(state);
}

static void fast_gcm_free(fast_gcm_t *f) {
    fast_state_free(f, sizeof *f);
}

static void fast_ctr_free(fast_ctr_t *f) {
    fast_state_free(f, sizeof *f);
}

// As gcm() in srtp_openssl.c: 1 sealed or opened, 0 not authentic (the data left as it was),
// -1 associated data too long to join (EVP's turn).
static int fast_gcm(const fast_gcm_t *f, int seal, const uint8_t iv[12], const uint8_t *aad, int aad_length,
                    const uint8_t *aad2, int aad2_length, uint8_t *data, int length, uint8_t *tag) {
    uint8_t joined[FAST_GCM_JOINED_AAD], computed[16];
    struct gcm_context_data context;
    if (aad2_length) {
        if (aad_length + aad2_length > FAST_GCM_JOINED_AAD) return -1;
        memcpy(joined, aad, aad_length);
        memcpy(joined + aad_length, aad2, aad2_length);
        aad = joined;
        aad_length += aad2_length;
    }
    if (seal) {
        f->seal(&f->key, &context, data, data, length, iv, aad, aad_length, tag, 16);
        return 1;
    }
    f->open(&f->key, &context, data, data, length, iv, aad, aad_length, computed, 16);
    if (CRYPTO_memcmp(computed, tag, 16) == 0) return 1;
    // Encrypting the plaintext again under the same IV gives the ciphertext back.
    f->seal(&f->key, &context, data, data, length, iv, aad, aad_length, computed, 16);
    return 0;
}

// AES-128 in counter mode over data in place, the whole 16-byte iv the first counter block.
static void fast_ctr(const fast_ctr_t *f, const uint8_t iv[16], uint8_t *data, int length) {
    if (f->direct) {
        f->direct(data, iv, f->keys, data, length, 16);
        return;
    }
    IMB_JOB job;
    memset(&job, 0, sizeof job);
    job.enc_keys = f->keys;
    job.key_len_in_bytes = 16;
    job.cipher_direction = IMB_DIR_ENCRYPT;
    job.cipher_mode = IMB_CIPHER_CNTR;
    job.src = data;
    job.dst = data;
    job.msg_len_to_cipher_in_bytes = length;
    job.iv = iv;
    job.iv_len_in_bytes = 16;
    f->job(&job);
}

#else

static const char *fast_aes_library(void) {
    return NULL;
}

static fast_gcm_t *fast_gcm_new(const uint8_t *key, int key_length) {
    (void)key;
    (void)key_length;
    return NULL;
}

static fast_ctr_t *fast_ctr_new(const uint8_t *key, int key_length) {
    (void)key;
    (void)key_length;
    return NULL;
}

static void fast_gcm_free(fast_gcm_t *f) {
    (void)f;
}

static void fast_ctr_free(fast_ctr_t *f) {
    (void)f;
}

static int fast_gcm(const fast_gcm_t *f, int seal, const uint8_t iv[12], const uint8_t *aad, int aad_length,
                    const uint8_t *aad2, int aad2_length, uint8_t *data, int length, uint8_t *tag) {
    (void)f, (void)seal, (void)iv, (void)aad, (void)aad_length, (void)aad2, (void)aad2_length;
    (void)data, (void)length, (void)tag;
    return -1;
}

static void fast_ctr(const fast_ctr_t *f, const uint8_t iv[16], uint8_t *data, int length) {
    (void)f, (void)iv, (void)data, (void)length;
}

#endif
#endif
