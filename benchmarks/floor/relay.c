// The physical floor for scripts/bench-forward: a UDP relay that does what the kernel makes
// any forwarder do and nothing else. One thread reads datagrams in batches (recvmmsg) and
// sends each, unchanged, to every destination in batches (sendmmsg): no parsing, no RTP work.
//
// Protocol on stdio: prints {"port":P} once bound, then reads the destination ports on one
// line and relays until killed.
//
// usage: relay
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_DESTS 256
#define BATCH 64
#define MAX_PACKET 2048

int main(void) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("bind");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &len);
    printf("{\"port\":%d}\n", ntohs(addr.sin_port));
    fflush(stdout);

    struct sockaddr_in dests[MAX_DESTS];
    int ndests = 0, port;
    char line[4096];
    if (!fgets(line, sizeof line, stdin)) return 2;
    for (char *p = strtok(line, " \n"); p && ndests < MAX_DESTS; p = strtok(NULL, " \n")) {
        port = atoi(p);
        dests[ndests] = (struct sockaddr_in){.sin_family = AF_INET, .sin_port = htons(port)};
        inet_pton(AF_INET, "127.0.0.1", &dests[ndests].sin_addr);
        ndests++;
    }

    static unsigned char bufs[BATCH][MAX_PACKET];
    struct mmsghdr in[BATCH], out[BATCH * MAX_DESTS];
    struct iovec in_iov[BATCH], out_iov[BATCH * MAX_DESTS];
    for (int i = 0; i < BATCH; i++) {
        in_iov[i] = (struct iovec){bufs[i], MAX_PACKET};
        in[i].msg_hdr = (struct msghdr){.msg_iov = &in_iov[i], .msg_iovlen = 1};
    }
    for (;;) {
        int n = recvmmsg(fd, in, BATCH, MSG_WAITFORONE, NULL);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("recvmmsg");
            return 1;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < ndests; d++, m++) {
                out_iov[m] = (struct iovec){bufs[i], in[i].msg_len};
                out[m].msg_hdr = (struct msghdr){.msg_name = &dests[d], .msg_namelen = sizeof dests[d],
                                                 .msg_iov = &out_iov[m], .msg_iovlen = 1};
            }
        }
        for (int sent = 0; sent < m;) {
            int r = sendmmsg(fd, out + sent, m - sent, 0);
            if (r < 0) {
                if (errno == EINTR || errno == EAGAIN) continue;
                break;
            }
            sent += r;
        }
    }
}
