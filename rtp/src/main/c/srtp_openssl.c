// The SRTP/SRTCP transforms of OpenSslTransform over OpenSSL's libcrypto, on packets in native
// memory (the addresses of Netty's direct buffers): one JNI call per packet, no copy. The
// session in Java works out the index, replay and lengths and has checked that the packet and
// its trailer fit the buffer; this file only encrypts, authenticates and lays out the trailer
// (RFC 3711 §3.1, §3.4, §4.1.1, §4.2; RFC 7714 §8, §9, §10). Built with JMSRTP_IPSEC_MB, AES
// goes through Intel's ipsec-mb (aes_ipsec_mb.h) where the CPU has AES-NI and PCLMULQDQ.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <jni.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aes_ipsec_mb.h"

#define RTCP_HEADER 8
#define SRTCP_INDEX 4
#define GCM_TAG 16
#define SHA1_LENGTH 20
#define SHA1_BLOCK 64

typedef struct {
    EVP_CIPHER_CTX *encrypt;
    EVP_CIPHER_CTX *decrypt;  // GCM only: CTR decrypts with encrypt
    fast_gcm_t *fast_gcm;     // GCM through ipsec-mb, or NULL for EVP
    fast_ctr_t *fast_ctr;     // CTR through ipsec-mb, or NULL for EVP
    SHA_CTX inner, outer;     // HMAC-SHA1 after the key's inner and outer pad (AES-CM only)
    uint8_t salt[16];
    int salt_length;
} direction_t;

typedef struct {
    int aead;
    int rtp_tag, rtcp_tag;
    direction_t rtp, rtcp;
} transform_t;

static void put32(uint8_t *p, uint32_t v) {
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

// The IV: salt XOR SSRC at ssrc_offset XOR the 48-bit index after it (RFC 3711 §4.1.1 with
// offset 4 and 16 bytes, RFC 7714 §8.1 with offset 2 and 12 bytes).
static void make_iv(const direction_t *d, int ssrc_offset, uint32_t ssrc, uint64_t index, uint8_t iv[16]) {
    memset(iv, 0, 16);
    memcpy(iv, d->salt, d->salt_length);
    for (int i = 0; i < 4; i++) iv[ssrc_offset + i] ^= (uint8_t)(ssrc >> (24 - 8 * i));
    for (int i = 0; i < 6; i++) iv[ssrc_offset + 4 + i] ^= (uint8_t)(index >> (40 - 8 * i));
}

static int ctr(const direction_t *d, const uint8_t iv[16], uint8_t *data, int length) {
    if (d->fast_ctr) {
        fast_ctr(d->fast_ctr, iv, data, length);
        return 1;
    }
    int out;
    return EVP_EncryptInit_ex(d->encrypt, NULL, NULL, NULL, iv) &&
           EVP_EncryptUpdate(d->encrypt, data, &out, data, length);
}

static void hmac_sha1(const direction_t *d, const uint8_t *data, size_t length, const uint8_t *more, size_t more_length,
                      uint8_t out[SHA1_LENGTH]) {
    uint8_t inner[SHA1_LENGTH];
    SHA_CTX c = d->inner;
    SHA1_Update(&c, data, length);
    if (more_length) SHA1_Update(&c, more, more_length);
    SHA1_Final(inner, &c);
    c = d->outer;
    SHA1_Update(&c, inner, SHA1_LENGTH);
    SHA1_Final(out, &c);
    OPENSSL_cleanse(&c, sizeof c);
}

// GCM over data in place with aad then aad2 as associated data; the tag goes to, or is checked
// against, tag. A decryption that does not authenticate is undone, leaving the data as it was.
static int gcm(direction_t *d, int seal, const uint8_t iv[12], const uint8_t *aad, int aad_length, const uint8_t *aad2,
               int aad2_length, uint8_t *data, int length, uint8_t *tag) {
    if (d->fast_gcm) {
        int done = fast_gcm(d->fast_gcm, seal, iv, aad, aad_length, aad2, aad2_length, data, length, tag);
        if (done >= 0) return done;
    }
    EVP_CIPHER_CTX *c = seal ? d->encrypt : d->decrypt;
    int out;
    uint8_t final[16];
    if (!EVP_CipherInit_ex(c, NULL, NULL, NULL, iv, -1)) return 0;
    if (aad_length && !EVP_CipherUpdate(c, NULL, &out, aad, aad_length)) return 0;
    if (aad2_length && !EVP_CipherUpdate(c, NULL, &out, aad2, aad2_length)) return 0;
    if (length && !EVP_CipherUpdate(c, data, &out, data, length)) return 0;
    if (seal) {
        return EVP_CipherFinal_ex(c, final, &out) && EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, GCM_TAG, tag);
    }
    if (EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, GCM_TAG, tag) && EVP_CipherFinal_ex(c, final, &out) > 0) {
        return 1;
    }
    // Encrypting the plaintext again under the same IV gives the ciphertext back.
    if (length && EVP_EncryptInit_ex(d->encrypt, NULL, NULL, NULL, iv)) {
        EVP_EncryptUpdate(d->encrypt, data, &out, data, length);
    }
    return 0;
}

static int direction_init(direction_t *d, int aead, int ipsec_mb, const uint8_t *key, int key_length,
                          const uint8_t *salt, int salt_length, const uint8_t *auth_key, int auth_length) {
    const EVP_CIPHER *cipher = aead ? (key_length == 32 ? EVP_aes_256_gcm() : EVP_aes_128_gcm())
                                    : (key_length == 32 ? EVP_aes_256_ctr() : EVP_aes_128_ctr());
    d->encrypt = EVP_CIPHER_CTX_new();
    if (!d->encrypt || !EVP_EncryptInit_ex(d->encrypt, cipher, NULL, key, NULL)) return 0;
    if (aead) {
        d->decrypt = EVP_CIPHER_CTX_new();
        if (!d->decrypt || !EVP_DecryptInit_ex(d->decrypt, cipher, NULL, key, NULL)) return 0;
        if (ipsec_mb) d->fast_gcm = fast_gcm_new(key, key_length);
    } else {
        if (ipsec_mb) d->fast_ctr = fast_ctr_new(key, key_length);
        uint8_t pad[SHA1_BLOCK];
        if (auth_length > SHA1_BLOCK) return 0;
        for (int i = 0; i < SHA1_BLOCK; i++) pad[i] = (i < auth_length ? auth_key[i] : 0) ^ 0x36;
        SHA1_Init(&d->inner);
        SHA1_Update(&d->inner, pad, SHA1_BLOCK);
        for (int i = 0; i < SHA1_BLOCK; i++) pad[i] = (i < auth_length ? auth_key[i] : 0) ^ 0x5c;
        SHA1_Init(&d->outer);
        SHA1_Update(&d->outer, pad, SHA1_BLOCK);
        OPENSSL_cleanse(pad, sizeof pad);
    }
    if (salt_length > 16) return 0;
    memcpy(d->salt, salt, salt_length);
    d->salt_length = salt_length;
    return 1;
}

static void transform_free(transform_t *t) {
    if (!t) return;
    EVP_CIPHER_CTX_free(t->rtp.encrypt);
    EVP_CIPHER_CTX_free(t->rtp.decrypt);
    EVP_CIPHER_CTX_free(t->rtcp.encrypt);
    EVP_CIPHER_CTX_free(t->rtcp.decrypt);
    fast_gcm_free(t->rtp.fast_gcm);
    fast_gcm_free(t->rtcp.fast_gcm);
    fast_ctr_free(t->rtp.fast_ctr);
    fast_ctr_free(t->rtcp.fast_ctr);
    OPENSSL_cleanse(t, sizeof *t);
    free(t);
}

// Copies a Java byte[] into buf (at most capacity bytes); returns its length, or -1.
static int bytes(JNIEnv *env, jbyteArray array, uint8_t *buf, int capacity) {
    int length = (*env)->GetArrayLength(env, array);
    if (length > capacity) return -1;
    (*env)->GetByteArrayRegion(env, array, 0, length, (jbyte *)buf);
    return length;
}

JNIEXPORT jlong JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_create(
    JNIEnv *env, jclass cls, jboolean aead, jboolean ipsec_mb, jint rtp_tag, jint rtcp_tag, jbyteArray rtp_key,
    jbyteArray rtp_salt, jbyteArray rtp_auth, jbyteArray rtcp_key, jbyteArray rtcp_salt, jbyteArray rtcp_auth) {
    (void)cls;
    uint8_t k[32], s[16], a[SHA1_BLOCK];
    transform_t *t = calloc(1, sizeof *t);
    if (!t) return 0;
    t->aead = aead;
    t->rtp_tag = rtp_tag;
    t->rtcp_tag = rtcp_tag;
    int ok = 1, kl, sl, al;
    kl = bytes(env, rtp_key, k, sizeof k);
    sl = bytes(env, rtp_salt, s, sizeof s);
    al = bytes(env, rtp_auth, a, sizeof a);
    ok = kl > 0 && sl > 0 && al >= 0 && direction_init(&t->rtp, aead, ipsec_mb, k, kl, s, sl, a, al);
    kl = bytes(env, rtcp_key, k, sizeof k);
    sl = bytes(env, rtcp_salt, s, sizeof s);
    al = bytes(env, rtcp_auth, a, sizeof a);
    ok = ok && kl > 0 && sl > 0 && al >= 0 && direction_init(&t->rtcp, aead, ipsec_mb, k, kl, s, sl, a, al);
    OPENSSL_cleanse(k, sizeof k);
    OPENSSL_cleanse(a, sizeof a);
    if (!ok) {
        transform_free(t);
        return 0;
    }
    return (jlong)(intptr_t)t;
}

JNIEXPORT jstring JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_ipsecMbLibrary(JNIEnv *env, jclass cls) {
    (void)cls;
    const char *name = fast_aes_library();
    return name ? (*env)->NewStringUTF(env, name) : NULL;
}

JNIEXPORT jboolean JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_usesIpsecMb(JNIEnv *env, jclass cls,
                                                                                   jlong handle) {
    (void)env;
    (void)cls;
    const transform_t *t = (const transform_t *)(intptr_t)handle;
    return t->aead ? t->rtp.fast_gcm && t->rtcp.fast_gcm : t->rtp.fast_ctr && t->rtcp.fast_ctr;
}

JNIEXPORT void JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_free(JNIEnv *env, jclass cls, jlong handle) {
    (void)env;
    (void)cls;
    transform_free((transform_t *)(intptr_t)handle);
}

JNIEXPORT jboolean JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_protectRtp(
    JNIEnv *env, jclass cls, jlong handle, jlong address, jint header, jint length, jint ssrc, jlong index) {
    (void)env;
    (void)cls;
    transform_t *t = (transform_t *)(intptr_t)handle;
    uint8_t *p = (uint8_t *)(intptr_t)address, iv[16];
    if (t->aead) {
        make_iv(&t->rtp, 2, ssrc, index, iv);
        return gcm(&t->rtp, 1, iv, p, header, NULL, 0, p + header, length - header, p + length);
    }
    uint8_t roc[4], mac[SHA1_LENGTH];
    make_iv(&t->rtp, 4, ssrc, index, iv);
    if (!ctr(&t->rtp, iv, p + header, length - header)) return 0;
    put32(roc, (uint32_t)(index >> 16));
    hmac_sha1(&t->rtp, p, length, roc, 4, mac);
    memcpy(p + length, mac, t->rtp_tag);
    return 1;
}

JNIEXPORT jboolean JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_unprotectRtp(
    JNIEnv *env, jclass cls, jlong handle, jlong address, jint header, jint length, jint ssrc, jlong index) {
    (void)env;
    (void)cls;
    transform_t *t = (transform_t *)(intptr_t)handle;
    uint8_t *p = (uint8_t *)(intptr_t)address, iv[16];
    if (t->aead) {
        make_iv(&t->rtp, 2, ssrc, index, iv);
        return gcm(&t->rtp, 0, iv, p, header, NULL, 0, p + header, length - header, p + length);
    }
    uint8_t roc[4], mac[SHA1_LENGTH];
    put32(roc, (uint32_t)(index >> 16));
    hmac_sha1(&t->rtp, p, length, roc, 4, mac);
    if (CRYPTO_memcmp(mac, p + length, t->rtp_tag) != 0) return 0;
    make_iv(&t->rtp, 4, ssrc, index, iv);
    return ctr(&t->rtp, iv, p + header, length - header);
}

JNIEXPORT jboolean JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_protectRtcp(
    JNIEnv *env, jclass cls, jlong handle, jlong address, jint length, jint ssrc, jint index) {
    (void)env;
    (void)cls;
    transform_t *t = (transform_t *)(intptr_t)handle;
    uint8_t *p = (uint8_t *)(intptr_t)address, iv[16], word[SRTCP_INDEX];
    put32(word, 0x80000000u | (uint32_t)index);
    if (t->aead) {
        make_iv(&t->rtcp, 2, ssrc, (uint32_t)index, iv);
        if (!gcm(&t->rtcp, 1, iv, p, RTCP_HEADER, word, SRTCP_INDEX, p + RTCP_HEADER, length - RTCP_HEADER, p + length)) {
            return 0;
        }
        memcpy(p + length + GCM_TAG, word, SRTCP_INDEX);
        return 1;
    }
    uint8_t mac[SHA1_LENGTH];
    make_iv(&t->rtcp, 4, ssrc, (uint32_t)index, iv);
    if (!ctr(&t->rtcp, iv, p + RTCP_HEADER, length - RTCP_HEADER)) return 0;
    memcpy(p + length, word, SRTCP_INDEX);
    hmac_sha1(&t->rtcp, p, length + SRTCP_INDEX, NULL, 0, mac);
    memcpy(p + length + SRTCP_INDEX, mac, t->rtcp_tag);
    return 1;
}

JNIEXPORT jboolean JNICALL Java_io_jmediasoup_rtp_srtp_OpenSslTransform_unprotectRtcp(
    JNIEnv *env, jclass cls, jlong handle, jlong address, jint length, jint ssrc, jint word) {
    (void)env;
    (void)cls;
    transform_t *t = (transform_t *)(intptr_t)handle;
    uint8_t *p = (uint8_t *)(intptr_t)address, iv[16];
    uint32_t index = (uint32_t)word & 0x7FFFFFFFu;
    int encrypted = ((uint32_t)word & 0x80000000u) != 0;
    if (t->aead) {
        int aad = encrypted ? RTCP_HEADER : length;
        make_iv(&t->rtcp, 2, ssrc, index, iv);
        return gcm(&t->rtcp, 0, iv, p, aad, p + length + GCM_TAG, SRTCP_INDEX, p + aad, length - aad, p + length);
    }
    uint8_t mac[SHA1_LENGTH];
    hmac_sha1(&t->rtcp, p, length + SRTCP_INDEX, NULL, 0, mac);
    if (CRYPTO_memcmp(mac, p + length + SRTCP_INDEX, t->rtcp_tag) != 0) return 0;
    if (!encrypted) return 1;
    make_iv(&t->rtcp, 4, ssrc, index, iv);
    return ctr(&t->rtcp, iv, p + RTCP_HEADER, length - RTCP_HEADER);
}
