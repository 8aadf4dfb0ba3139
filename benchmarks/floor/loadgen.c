// Load generator and receiver for scripts/bench-forward.
//
// Sends RTP (one SSRC, payload type 100, PAYLOAD bytes of payload) at a fixed rate to a
// forwarder under test, and receives what it forwards on N sink sockets. Each payload starts
// with the send time (CLOCK_REALTIME ns) and a packet counter; the receive time is the
// kernel's (SO_TIMESTAMPNS), so the one-way latency does not include this program's own
// scheduling. Packets of the warm-up are sent but not counted. Around the measured packets
// it reads the forwarder's CPU time from /proc/<pid>/stat and the kernel's drop count of its
// input socket from /proc/net/udp, and its RSS at the end. Sink sockets report their own
// drops (SO_RXQ_OVFL), so a loss can be told apart from this program falling behind.
//
// Protocol on stdio: prints {"sendPort":P,"sinkPorts":[...]} once its sockets are bound, then
// reads "<target port> <forwarder pid>" and runs; prints the result as one JSON line.
//
// Built with -DLOADGEN_SRTP (and libsrtp), it speaks SRTP: after the target line it reads one
// more, the suite's mediasoup name (AES_CM_128_HMAC_SHA1_80, AEAD_AES_128_GCM or
// AEAD_AES_256_GCM), the hex keying material it protects with and then each sink's (master key
// + salt), protects every packet it sends and unprotects every packet a sink receives, counting
// those that do not authenticate ("srtpFailures"; they count as lost).
//
// usage: loadgen SINKS RATE PAYLOAD WARMUP_S MEASURE_S
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#ifdef LOADGEN_SRTP
#include <srtp.h>
#endif

#define MAX_SINKS 256
#define BATCH 64
#define MAX_PACKET 2048
#define SSRC 1111u
#define PAYLOAD_TYPE 100
// Latency histogram: 1 µs buckets up to 100 ms, one overflow bucket.
#define LATENCY_BUCKETS 100001

static int sinks, rate, payload, warmup_s, measure_s;
static int send_fd, sink_fds[MAX_SINKS];
static long long warmup_count, measure_count;
static volatile int receiving = 1;
static long long received[MAX_SINKS], received_other;
static long long latency_hist[LATENCY_BUCKETS];
/* Datagrams the kernel dropped on each sink socket for want of buffer room (SO_RXQ_OVFL). */
static long long sink_drops[MAX_SINKS];
static long long srtp_failures;
#ifdef LOADGEN_SRTP
#define SRTP_MAX_KEY_LENGTH 46
static srtp_t send_session, sink_sessions[MAX_SINKS];
static char srtp_suite[32];

// The suite's policy, as the C++ worker sets it for the mediasoup name; the key's length is
// the suite's master key and salt.
static void srtp_suite_policy(srtp_crypto_policy_t *p, size_t *key_length) {
    if (strcmp(srtp_suite, "AES_CM_128_HMAC_SHA1_80") == 0) {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(p);
        *key_length = 30;
    } else if (strcmp(srtp_suite, "AEAD_AES_128_GCM") == 0) {
        srtp_crypto_policy_set_aes_gcm_128_16_auth(p);
        *key_length = 28;
    } else if (strcmp(srtp_suite, "AEAD_AES_256_GCM") == 0) {
        srtp_crypto_policy_set_aes_gcm_256_16_auth(p);
        *key_length = 44;
    } else {
        fprintf(stderr, "loadgen: unknown SRTP suite %s\n", srtp_suite);
        exit(2);
    }
}

static srtp_t srtp_session(const char *hex, srtp_ssrc_type_t direction) {
    unsigned char key[SRTP_MAX_KEY_LENGTH];
    srtp_policy_t policy;
    memset(&policy, 0, sizeof policy);
    size_t key_length;
    srtp_suite_policy(&policy.rtp, &key_length);
    srtp_suite_policy(&policy.rtcp, &key_length);
    for (size_t i = 0; i < key_length; i++) {
        if (sscanf(hex + 2 * i, "%2hhx", &key[i]) != 1) {
            fprintf(stderr, "loadgen: bad SRTP key %s\n", hex);
            exit(2);
        }
    }
    policy.ssrc.type = direction;
    policy.key = key;
    policy.window_size = 1024;
    srtp_t session;
    if (srtp_create(&session, &policy) != srtp_err_status_ok) {
        fprintf(stderr, "loadgen: srtp_create failed\n");
        exit(1);
    }
    return session;
}
#endif

static long long now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int bind_udp(void) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    // Large buffers so that this program never drops what it sends or receives; the FORCE
    // options pass net.core.[rw]mem_max when running as root.
    int size = 8 << 20;
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) != 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("bind");
        exit(1);
    }
    return fd;
}

static int port_of(int fd) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &len);
    return ntohs(addr.sin_port);
}

/* utime + stime of a process, in clock ticks. */
static long long cpu_ticks(int pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    long long utime = 0, stime = 0;
    // ") state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime"
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lld %lld", &utime, &stime) != 2) return -1;
    return utime + stime;
}

/* The kernel's drop count of the UDP socket bound to 127.0.0.1:port (/proc/net/udp), or -1. */
static long long udp_drops(int port) {
    FILE *f = fopen("/proc/net/udp", "r");
    if (!f) return -1;
    char line[512];
    long long drops = -1;
    while (fgets(line, sizeof line, f)) {
        unsigned local_port;
        long long d;
        // "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops"
        if (sscanf(line, " %*d: %*8[0-9A-Fa-f]:%x %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %lld", &local_port, &d) == 2
            && (int)local_port == port) {
            drops = d;
        }
    }
    fclose(f);
    return drops;
}

static long long rss_kib(int pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    long long kib = -1;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "VmRSS: %lld kB", &kib) == 1) break;
    }
    fclose(f);
    return kib;
}

/* Where the RTP payload starts, or -1 for RTCP and anything that is not RTP. */
static int payload_offset(const unsigned char *p, int len) {
    if (len < 12 || (p[0] >> 6) != 2) return -1;
    if (p[1] >= 192 && p[1] <= 223) return -1;
    int offset = 12 + 4 * (p[0] & 0x0f);
    if (p[0] & 0x10) {
        if (len < offset + 4) return -1;
        offset += 4 + 4 * ((p[offset + 2] << 8) | p[offset + 3]);
    }
    return offset + 12 <= len ? offset : -1;
}

static void *receive_loop(void *unused) {
    (void)unused;
    int ep = epoll_create1(0);
    for (int i = 0; i < sinks; i++) {
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = i};
        epoll_ctl(ep, EPOLL_CTL_ADD, sink_fds[i], &ev);
    }
    static unsigned char bufs[BATCH][MAX_PACKET];
    static char controls[BATCH][64];
    struct mmsghdr msgs[BATCH];
    struct iovec iovs[BATCH];
    while (receiving) {
        struct epoll_event events[MAX_SINKS];
        int ready = epoll_wait(ep, events, MAX_SINKS, 100);
        for (int e = 0; e < ready; e++) {
            int sink = events[e].data.u32;
            for (;;) {
                for (int i = 0; i < BATCH; i++) {
                    iovs[i] = (struct iovec){bufs[i], MAX_PACKET};
                    msgs[i].msg_hdr = (struct msghdr){.msg_iov = &iovs[i], .msg_iovlen = 1,
                                                      .msg_control = controls[i], .msg_controllen = sizeof controls[i]};
                }
                int n = recvmmsg(sink_fds[sink], msgs, BATCH, MSG_DONTWAIT, NULL);
                if (n <= 0) break;
                for (int i = 0; i < n; i++) {
                    int len = msgs[i].msg_len;
#ifdef LOADGEN_SRTP
                    if (len >= 12 && !(bufs[i][1] >= 192 && bufs[i][1] <= 223)
                        && srtp_unprotect(sink_sessions[sink], bufs[i], &len) != srtp_err_status_ok) {
                        srtp_failures++;
                        continue;
                    }
#endif
                    int offset = payload_offset(bufs[i], len);
                    if (offset < 0) {
                        received_other++;
                        continue;
                    }
                    long long sent_ns, counter;
                    memcpy(&sent_ns, bufs[i] + offset, 8);
                    memcpy(&counter, bufs[i] + offset + 8, 4);
                    counter &= 0xffffffffLL;
                    if (counter < warmup_count || counter >= warmup_count + measure_count) continue;
                    long long recv_ns = now_ns(CLOCK_REALTIME);
                    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msgs[i].msg_hdr); c; c = CMSG_NXTHDR(&msgs[i].msg_hdr, c)) {
                        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) {
                            uint32_t drops;
                            memcpy(&drops, CMSG_DATA(c), sizeof drops);
                            if (drops > sink_drops[sink]) sink_drops[sink] = drops;
                        }
                        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                            struct timespec ts;
                            memcpy(&ts, CMSG_DATA(c), sizeof ts);
                            recv_ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
                        }
                    }
                    long long us = (recv_ns - sent_ns) / 1000;
                    if (us < 0) us = 0;
                    latency_hist[us < LATENCY_BUCKETS - 1 ? us : LATENCY_BUCKETS - 1]++;
                    received[sink]++;
                }
            }
        }
    }
    return NULL;
}

static double percentile(double q) {
    long long total = 0;
    for (int i = 0; i < LATENCY_BUCKETS; i++) total += latency_hist[i];
    if (total == 0) return -1;
    long long rank = (long long)(q * (total - 1)), seen = 0;
    for (int i = 0; i < LATENCY_BUCKETS; i++) {
        seen += latency_hist[i];
        if (seen > rank) return i;
    }
    return LATENCY_BUCKETS - 1;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: loadgen SINKS RATE PAYLOAD WARMUP_S MEASURE_S\n");
        return 2;
    }
    sinks = atoi(argv[1]);
    rate = atoi(argv[2]);
    payload = atoi(argv[3]);
    warmup_s = atoi(argv[4]);
    measure_s = atoi(argv[5]);
    if (sinks < 1 || sinks > MAX_SINKS || rate < 1 || payload < 12 || payload > 1400) {
        fprintf(stderr, "loadgen: bad arguments\n");
        return 2;
    }
    warmup_count = (long long)rate * warmup_s;
    measure_count = (long long)rate * measure_s;
    send_fd = bind_udp();
    for (int i = 0; i < sinks; i++) {
        sink_fds[i] = bind_udp();
        int on = 1;
        setsockopt(sink_fds[i], SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
        setsockopt(sink_fds[i], SOL_SOCKET, SO_RXQ_OVFL, &on, sizeof on);
    }
    printf("{\"sendPort\":%d,\"sinkPorts\":[", port_of(send_fd));
    for (int i = 0; i < sinks; i++) printf("%s%d", i ? "," : "", port_of(sink_fds[i]));
    printf("]}\n");
    fflush(stdout);

    int target_port, pid;
    if (scanf("%d %d", &target_port, &pid) != 2) {
        fprintf(stderr, "loadgen: expected '<target port> <pid>' on stdin\n");
        return 2;
    }
    struct sockaddr_in target = {.sin_family = AF_INET, .sin_port = htons(target_port)};
    inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
    connect(send_fd, (struct sockaddr *)&target, sizeof target);
#ifdef LOADGEN_SRTP
    char hex[2 * SRTP_MAX_KEY_LENGTH + 1];
    srtp_init();
    if (scanf("%31s %92s", srtp_suite, hex) != 2) return 2;
    send_session = srtp_session(hex, ssrc_any_outbound);
    for (int i = 0; i < sinks; i++) {
        if (scanf("%92s", hex) != 1) return 2;
        sink_sessions[i] = srtp_session(hex, ssrc_any_inbound);
    }
#endif

    pthread_t receiver;
    pthread_create(&receiver, NULL, receive_loop, NULL);

    static unsigned char packets[BATCH][MAX_PACKET];
    struct mmsghdr msgs[BATCH];
    struct iovec iovs[BATCH];
    int size = 12 + payload;
    long long total = warmup_count + measure_count, next = 0, send_errors = 0;
    long long input_drops_start = 0, input_drops_end = 0;
    long long cpu_start = -1, cpu_end = -1, self_start = 0, self_end = 0, wall_start = 0, wall_end = 0;
    long long start = now_ns(CLOCK_MONOTONIC);
    struct timespec tick;
    clock_gettime(CLOCK_MONOTONIC, &tick);
    while (next < total) {
        // Send what the rate says is due by now, then sleep to the next millisecond.
        long long due = (now_ns(CLOCK_MONOTONIC) - start) * rate / 1000000000LL + 1;
        if (due > total) due = total;
        while (next < due) {
            int n = 0;
            for (; n < BATCH && next < due; n++, next++) {
                if (next == warmup_count) {
                    cpu_start = cpu_ticks(pid);
                    input_drops_start = udp_drops(target_port);
                    self_start = cpu_ticks(getpid());
                    wall_start = now_ns(CLOCK_MONOTONIC);
                }
                unsigned char *p = packets[n];
                memset(p, 0, size);
                p[0] = 0x80;
                p[1] = PAYLOAD_TYPE;
                p[2] = next >> 8;
                p[3] = next;
                uint32_t ts = htonl((uint32_t)(next * 960)), ssrc = htonl(SSRC);
                memcpy(p + 4, &ts, 4);
                memcpy(p + 8, &ssrc, 4);
                long long sent_ns = now_ns(CLOCK_REALTIME);
                uint32_t counter = (uint32_t)next;
                memcpy(p + 12, &sent_ns, 8);
                memcpy(p + 20, &counter, 4);
                int length = size;
#ifdef LOADGEN_SRTP
                if (srtp_protect(send_session, p, &length) != srtp_err_status_ok) send_errors++;
#endif
                iovs[n] = (struct iovec){p, length};
                msgs[n].msg_hdr = (struct msghdr){.msg_iov = &iovs[n], .msg_iovlen = 1};
            }
            int sent = 0;
            while (sent < n) {
                int r = sendmmsg(send_fd, msgs + sent, n - sent, 0);
                if (r < 0) {
                    if (errno == EINTR || errno == EAGAIN) continue;
                    send_errors += n - sent;
                    break;
                }
                sent += r;
            }
        }
        if (next >= total && cpu_end < 0) break;
        tick.tv_nsec += 1000000;
        if (tick.tv_nsec >= 1000000000) {
            tick.tv_sec++;
            tick.tv_nsec -= 1000000000;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &tick, NULL);
    }
    cpu_end = cpu_ticks(pid);
    input_drops_end = udp_drops(target_port);
    self_end = cpu_ticks(getpid());
    wall_end = now_ns(CLOCK_MONOTONIC);
    long long rss = rss_kib(pid);
    // Stragglers: what is still queued in the forwarder arrives within this.
    usleep(500000);
    receiving = 0;
    pthread_join(receiver, NULL);

    long long ticks_per_s = sysconf(_SC_CLK_TCK);
    double measured_s = (wall_end - wall_start) / 1e9;
    double cpu_us = (cpu_end - cpu_start) * 1e6 / ticks_per_s;
    long long received_total = 0;
    long long sink_drops_total = 0;
    for (int i = 0; i < sinks; i++) {
        received_total += received[i];
        sink_drops_total += sink_drops[i];
    }
    printf("{\"sinks\":%d,\"rate\":%d,\"payload\":%d,\"warmupPackets\":%lld,\"measuredPackets\":%lld,"
           "\"measuredSeconds\":%.3f,\"achievedRate\":%.1f,\"sendErrors\":%lld,"
           "\"forwarderCpuUs\":%.0f,\"cpuUsPerPacketIn\":%.3f,\"cpuUsPerPacketOut\":%.3f,\"forwarderCpuShare\":%.4f,"
           "\"loadgenCpuShare\":%.4f,\"expected\":%lld,\"received\":%lld,\"loss\":%.6f,\"nonRtpReceived\":%lld,"
           "\"forwarderInputDrops\":%lld,\"sinkDrops\":%lld,\"srtpFailures\":%lld,"
           "\"latencyP50Us\":%.0f,\"latencyP99Us\":%.0f,\"latencyMaxUs\":%.0f,\"rssKiB\":%lld,",
           sinks, rate, payload, warmup_count, measure_count, measured_s, measure_count / measured_s, send_errors,
           cpu_us, cpu_us / measure_count, cpu_us / (measure_count * sinks), cpu_us / 1e6 / measured_s,
           (self_end - self_start) / (double)ticks_per_s / measured_s, measure_count * sinks, received_total,
           1.0 - (double)received_total / (measure_count * sinks), received_other,
           input_drops_end - input_drops_start, sink_drops_total, srtp_failures, percentile(0.5),
           percentile(0.99), percentile(1.0), rss);
    printf("\"receivedPerSink\":[");
    for (int i = 0; i < sinks; i++) printf("%s%lld", i ? "," : "", received[i]);
    printf("]}\n");
    return 0;
}
