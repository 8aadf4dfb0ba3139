// AES-GCM through Intel's ipsec-mb (BSD-3-Clause, Debian's libipsec-mb-dev, linked statically),
// for srtp_openssl.c: one call seals or opens a packet. OpenSSL 3's EVP takes five calls a
// packet, and its provider layer spends ~150 ns in them around a 1,200-byte payload (more than
// the 1.1.1 that libsrtp was measured with); ipsec-mb's one call does the whole packet in less
// than the EVP calls' overhead alone on CPUs with VAES.
//
// ipsec-mb keeps one implementation per CPU generation and its manager picks one at run time,
// but linking the manager brings every algorithm of the library (12 MB). Only the GCM
// functions are linked here (4 MB), and the variant is picked from the same CPU features, as
// libgcc reads them (including whether the OS saves the AVX and AVX-512 registers).
#ifndef GCM_IPSEC_MB_H
#define GCM_IPSEC_MB_H

#include <stdint.h>

// The associated data of a packet in one piece: SRTP's header, or SRTCP's first 8 bytes and its
// index word, which lies after the payload. A longer one (SRTCP sent unencrypted, whose whole
// packet is associated data) is left to EVP.
#define FAST_GCM_JOINED_AAD 64

typedef struct fast_gcm fast_gcm_t;

#ifdef JMSRTP_IPSEC_MB

#include <intel-ipsec-mb.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    aes_gcm_pre_t pre128, pre256;
    aes_gcm_enc_dec_t seal128, seal256, open128, open256;
} gcm_variant_t;

#define GCM_VARIANT(suffix)                                                                                  \
    {                                                                                                        \
        #suffix, aes_gcm_pre_128_##suffix, aes_gcm_pre_256_##suffix, aes_gcm_enc_128_##suffix,              \
            aes_gcm_enc_256_##suffix, aes_gcm_dec_128_##suffix, aes_gcm_dec_256_##suffix                     \
    }

#if IMB_VERSION_NUM >= 0x10300 && IMB_VERSION_NUM < 0x10400
// The VAES/AVX-512 variant, twice the speed of the AVX2 one on CPUs that have it, is exported
// by ipsec-mb 1.3 but declared only for its manager: declared here for that version alone.
#define VAES_PROTOTYPES(bits)                                                                                \
    void aes_gcm_pre_##bits##_vaes_avx512(const void *, struct gcm_key_data *);                              \
    void aes_gcm_enc_##bits##_vaes_avx512(const struct gcm_key_data *, struct gcm_context_data *, uint8_t *, \
                                          uint8_t const *, uint64_t, const uint8_t *, uint8_t const *,       \
                                          uint64_t, uint8_t *, uint64_t);                                    \
    void aes_gcm_dec_##bits##_vaes_avx512(const struct gcm_key_data *, struct gcm_context_data *, uint8_t *, \
                                          uint8_t const *, uint64_t, const uint8_t *, uint8_t const *,       \
                                          uint64_t, uint8_t *, uint64_t);
VAES_PROTOTYPES(128)
VAES_PROTOTYPES(256)
static const gcm_variant_t VAES_AVX512 = GCM_VARIANT(vaes_avx512);
#define HAS_VAES_AVX512 1
#endif

static const gcm_variant_t AVX_GEN4 = GCM_VARIANT(avx_gen4);
static const gcm_variant_t AVX_GEN2 = GCM_VARIANT(avx_gen2);
static const gcm_variant_t SSE = GCM_VARIANT(sse);

// The variant this CPU runs, or NULL (no AES-NI or PCLMULQDQ: EVP does GCM), and its name;
// picked once, as the library loads, before any thread can ask.
static const gcm_variant_t *variant;
static char library_name[48];

__attribute__((constructor)) static void pick_gcm_variant(void) {
    __builtin_cpu_init();
    int base = __builtin_cpu_supports("aes") && __builtin_cpu_supports("pclmul") &&
               __builtin_cpu_supports("sse4.2");
    if (!base) return;
#ifdef HAS_VAES_AVX512
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

struct fast_gcm {
    struct gcm_key_data key;  // first: aligned_alloc aligns it to 64 bytes
    aes_gcm_enc_dec_t seal, open;
};

// The library's name and variant, or NULL where GCM stays with EVP.
static const char *fast_gcm_library(void) {
    return variant ? library_name : NULL;
}

static fast_gcm_t *fast_gcm_new(const uint8_t *key, int key_length) {
    const gcm_variant_t *v = variant;
    if (!v || (key_length != 16 && key_length != 32)) return NULL;
    size_t size = (sizeof(fast_gcm_t) + 63) / 64 * 64;
    fast_gcm_t *f = aligned_alloc(64, size);
    if (!f) return NULL;
    memset(f, 0, size);
    (key_length == 16 ? v->pre128 : v->pre256)(key, &f->key);
    f->seal = key_length == 16 ? v->seal128 : v->seal256;
    f->open = key_length == 16 ? v->open128 : v->open256;
    return f;
}

static void fast_gcm_free(fast_gcm_t *f) {
    if (!f) return;
    OPENSSL_cleanse(f, sizeof *f);
    free(f);
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

#else

static const char *fast_gcm_library(void) {
    return NULL;
}

static fast_gcm_t *fast_gcm_new(const uint8_t *key, int key_length) {
    (void)key;
    (void)key_length;
    return NULL;
}

static void fast_gcm_free(fast_gcm_t *f) {
    (void)f;
}

static int fast_gcm(const fast_gcm_t *f, int seal, const uint8_t iv[12], const uint8_t *aad, int aad_length,
                    const uint8_t *aad2, int aad2_length, uint8_t *data, int length, uint8_t *tag) {
    (void)f, (void)seal, (void)iv, (void)aad, (void)aad_length, (void)aad2, (void)aad2_length;
    (void)data, (void)length, (void)tag;
    return -1;
}

#endif
#endif
