// The io_uring of IoUring (UdpSendBatch): the datagrams a read batch leaves for any number of
// UDP sockets, sent with one io_uring_enter instead of one sendmmsg per socket. Raw system
// calls over <linux/io_uring.h>, so that the build needs no liburing.
//
// Each message is an IORING_OP_SENDMSG with MSG_DONTWAIT: a socket whose buffer is full
// completes at once with -EAGAIN (the kernel does not wait for it to drain, which would keep
// the batch's memory in use past the call), so every message has completed when submit returns.
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef struct {
    int fd;
    unsigned entries;
    unsigned *sq_head, *sq_tail, *sq_mask, *sq_array;
    unsigned *cq_head, *cq_tail, *cq_mask;
    struct io_uring_sqe *sqes;
    struct io_uring_cqe *cqes;
    void *sq_ring, *cq_ring;
    size_t sq_ring_size, cq_ring_size, sqes_size;
} ring_t;

static int enter(int fd, unsigned submit, unsigned wait) {
    return (int)syscall(__NR_io_uring_enter, fd, submit, wait, wait ? IORING_ENTER_GETEVENTS : 0, NULL, 0);
}

static void ring_free(ring_t *r) {
    if (r->sqes && r->sqes != MAP_FAILED) munmap(r->sqes, r->sqes_size);
    if (r->cq_ring && r->cq_ring != MAP_FAILED && r->cq_ring != r->sq_ring) munmap(r->cq_ring, r->cq_ring_size);
    if (r->sq_ring && r->sq_ring != MAP_FAILED) munmap(r->sq_ring, r->sq_ring_size);
    if (r->fd >= 0) close(r->fd);
    free(r);
}

// A ring of at least `entries` submission slots; its handle, or -errno.
JNIEXPORT jlong JNICALL Java_io_jmediasoup_worker_net_IoUring_create(JNIEnv *env, jclass cls, jint entries) {
    (void)env;
    (void)cls;
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    int fd = (int)syscall(__NR_io_uring_setup, (unsigned)entries, &p);
    if (fd < 0) return -errno;
    ring_t *r = calloc(1, sizeof *r);
    if (!r) {
        close(fd);
        return -ENOMEM;
    }
    r->fd = fd;
    r->entries = p.sq_entries;
    r->sq_ring_size = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    r->cq_ring_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    if (p.features & IORING_FEAT_SINGLE_MMAP) {
        if (r->cq_ring_size > r->sq_ring_size) r->sq_ring_size = r->cq_ring_size;
        r->cq_ring_size = r->sq_ring_size;
    }
    r->sq_ring = mmap(NULL, r->sq_ring_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
    if (r->sq_ring == MAP_FAILED) goto fail;
    r->cq_ring = (p.features & IORING_FEAT_SINGLE_MMAP)
                     ? r->sq_ring
                     : mmap(NULL, r->cq_ring_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd,
                            IORING_OFF_CQ_RING);
    if (r->cq_ring == MAP_FAILED) goto fail;
    r->sqes_size = p.sq_entries * sizeof(struct io_uring_sqe);
    r->sqes = mmap(NULL, r->sqes_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
    if (r->sqes == MAP_FAILED) goto fail;
    uint8_t *sq = r->sq_ring, *cq = r->cq_ring;
    r->sq_head = (unsigned *)(sq + p.sq_off.head);
    r->sq_tail = (unsigned *)(sq + p.sq_off.tail);
    r->sq_mask = (unsigned *)(sq + p.sq_off.ring_mask);
    r->sq_array = (unsigned *)(sq + p.sq_off.array);
    r->cq_head = (unsigned *)(cq + p.cq_off.head);
    r->cq_tail = (unsigned *)(cq + p.cq_off.tail);
    r->cq_mask = (unsigned *)(cq + p.cq_off.ring_mask);
    r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
    return (jlong)(intptr_t)r;
fail:;
    int error = errno;
    ring_free(r);
    return -error;
}

JNIEXPORT void JNICALL Java_io_jmediasoup_worker_net_IoUring_free(JNIEnv *env, jclass cls, jlong handle) {
    (void)env;
    (void)cls;
    ring_free((ring_t *)(intptr_t)handle);
}

// Moves the completions there are into the messages' msg_len (the result as a signed int: bytes
// sent or -errno); returns how many.
static unsigned reap(ring_t *r, struct mmsghdr *messages) {
    unsigned head = *r->cq_head, tail = __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE), n = 0;
    for (; head != tail; head++, n++) {
        struct io_uring_cqe *cqe = &r->cqes[head & *r->cq_mask];
        messages[cqe->user_data].msg_len = (unsigned)cqe->res;
    }
    __atomic_store_n(r->cq_head, head, __ATOMIC_RELEASE);
    return n;
}

// Sends messages[i] (one struct mmsghdr each) on fds[i], count <= the ring's entries. Each
// message's result lands in its msg_len. Returns 0, or -errno when the ring failed, in which
// case no message was sent and the ring must not be used again.
JNIEXPORT jint JNICALL Java_io_jmediasoup_worker_net_IoUring_send(JNIEnv *env, jclass cls, jlong handle,
                                                                   jlong messages_address, jlong fds_address,
                                                                   jint count) {
    (void)env;
    (void)cls;
    ring_t *r = (ring_t *)(intptr_t)handle;
    struct mmsghdr *messages = (struct mmsghdr *)(intptr_t)messages_address;
    const int *fds = (const int *)(intptr_t)fds_address;
    if (count <= 0) return 0;
    if ((unsigned)count > r->entries) return -EINVAL;
    unsigned tail = *r->sq_tail;
    for (int i = 0; i < count; i++) {
        unsigned index = (tail + i) & *r->sq_mask;
        struct io_uring_sqe *sqe = &r->sqes[index];
        memset(sqe, 0, sizeof *sqe);
        sqe->opcode = IORING_OP_SENDMSG;
        sqe->fd = fds[i];
        sqe->addr = (uint64_t)(uintptr_t)&messages[i].msg_hdr;
        sqe->len = 1;
        sqe->msg_flags = MSG_DONTWAIT;
        sqe->user_data = (uint64_t)i;
        r->sq_array[index] = index;
    }
    __atomic_store_n(r->sq_tail, tail + count, __ATOMIC_RELEASE);
    unsigned done = 0;
    while (done < (unsigned)count) {
        unsigned pending = tail + count - __atomic_load_n(r->sq_head, __ATOMIC_ACQUIRE);
        int result = enter(r->fd, pending, count - done);
        if (result < 0 && errno != EINTR && errno != EAGAIN && errno != EBUSY) {
            int error = errno;
            if (__atomic_load_n(r->sq_head, __ATOMIC_ACQUIRE) == tail) {
                // Nothing was taken: the messages are withdrawn, and the caller sends them otherwise.
                __atomic_store_n(r->sq_tail, tail, __ATOMIC_RELEASE);
                return -error;
            }
        }
        done += reap(r, messages);
    }
    return 0;
}
