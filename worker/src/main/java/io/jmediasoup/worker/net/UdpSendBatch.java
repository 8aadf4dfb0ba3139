package io.jmediasoup.worker.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.Buffer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Sends the datagrams of every UDP socket of one worker. While a read batch is being handled
 * ({@link #begin} to {@link #end}), each send copies the datagram into a slot of one native slab,
 * so the caller may rewrite its packet for the next consumer at once; the end of the batch sends
 * every slot, whatever its socket, with one io_uring_enter ({@link IoUring}) or, where io_uring
 * is not available, each socket's slots with one sendmmsg(2). A packet fanned out to consumers
 * on many transports costs one system call, not one per transport. Outside a batch a datagram
 * goes out at once, from the caller's own memory. Nothing is allocated per datagram: the
 * destination's sockaddr is encoded once per socket and peer. Loop thread only.
 *
 * <p>The ring, or else the sendmmsg stub (jnr-ffi generates it in a second or so on a busy
 * machine), is set up on a thread of its own when the first socket opens, so that the request
 * opening it is answered at once; until then each datagram (or a batch's, at its end) goes out
 * through Netty, as a copy.
 *
 * <p>The layouts and errno values are those of LP64 Linux (x86-64, aarch64), the platforms of
 * Netty's epoll transport: struct mmsghdr 64 bytes, struct iovec 16, struct sockaddr_in6 28.
 */
public final class UdpSendBatch {
    /** The libc function; bound after the first socket opens so that start-up does not pay for it. */
    public interface LibC {
        int sendmmsg(int sockfd, long msgvec, int vlen, int flags);
    }

    /**
     * Datagrams held per batch: a read of 16 packets to 16 consumers, or of one packet to 256,
     * leaves with one submission; a fuller batch is flushed early (~540 KiB of slab).
     */
    static final int SLOTS = 256;
    /** The largest datagram copied into a slot; a larger one is sent from the caller's memory. */
    static final int SLOT_DATA_SIZE = 2048;

    private static final int MMSGHDR_SIZE = 64;
    private static final int MSG_NAMELEN = 8;
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;
    private static final int MSG_FLAGS = 48;
    private static final int MSG_LEN = 56;
    private static final int IOVEC_SIZE = 16;
    private static final int SOCKADDR_SIZE = 32;
    /** Slot {@link #SLOTS} is the one for a datagram sent at once. */
    private static final int HEADERS_SIZE = (SLOTS + 1) * MMSGHDR_SIZE;
    /** The descriptor of each header's socket, for the ring: an int per header. */
    private static final int FDS_OFFSET = HEADERS_SIZE;
    private static final int SLOTS_OFFSET = FDS_OFFSET + (SLOTS + 1) * Integer.BYTES + 4;
    private static final int SLOT_SIZE = IOVEC_SIZE + SOCKADDR_SIZE + SLOT_DATA_SIZE;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    /** Linux's errno values: jnr-constants would load its platform tables at start-up, with Shared. */
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    /** What the batch needs of a socket: its descriptor, its queue of slots, its cached sockaddr. */
    static final class Sender {
        private final int fd;
        private final boolean ipv6;
        private final UdpSocket socket;
        private int firstSlot = -1;
        private int lastSlot;
        private int pending;
        private InetSocketAddress peer;
        /** {@link #peer} as a sockaddr_in or sockaddr_in6, in network byte order. */
        private final byte[] sockaddr = new byte[SOCKADDR_SIZE];
        private int sockaddrLength;

        Sender(int fd, boolean ipv6, UdpSocket socket) {
            this.fd = fd;
            this.ipv6 = ipv6;
            this.socket = socket;
        }

        /** Encodes {@code remote} unless it is the peer of the last send; false if this socket cannot reach it. */
        boolean target(InetSocketAddress remote) {
            if (remote == peer || remote.equals(peer)) {
                return true;
            }
            InetAddress address = remote.getAddress();
            if (address == null || (!ipv6 && !(address instanceof Inet4Address))) {
                return false;
            }
            Arrays.fill(sockaddr, (byte) 0);
            byte[] ip = address.getAddress();
            int port = remote.getPort();
            sockaddr[2] = (byte) (port >>> 8);
            sockaddr[3] = (byte) port;
            if (ipv6) {
                ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder()).putShort(0, (short) AF_INET6);
                if (ip.length == 4) {
                    sockaddr[18] = (byte) 0xff;
                    sockaddr[19] = (byte) 0xff;
                    System.arraycopy(ip, 0, sockaddr, 20, 4);
                } else {
                    System.arraycopy(ip, 0, sockaddr, 8, 16);
                    ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder())
                            .putInt(24, ((Inet6Address) address).getScopeId());
                }
                sockaddrLength = 28;
            } else {
                ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder()).putShort(0, (short) AF_INET);
                System.arraycopy(ip, 0, sockaddr, 4, 4);
                sockaddrLength = 16;
            }
            peer = remote;
            return true;
        }
    }

    /** Null until set up, and for good where io_uring is not available. */
    private IoUring ring;
    /** Null until bound, and while the ring serves. */
    private LibC libc;
    private Runtime runtime;
    private Executor loop;
    private ByteBuffer memory;
    private long address;
    private final int[] next = new int[SLOTS];
    private final InetSocketAddress[] remotes = new InetSocketAddress[SLOTS];
    private final Sender[] senders = new Sender[SLOTS];
    private final int[] order = new int[SLOTS];
    private final Sender[] dirty = new Sender[SLOTS];
    private int dirtyCount;
    private int used;
    private boolean open;

    /** How datagrams leave now: "io_uring", "sendmmsg", or "netty" until one of them is set up. */
    String sendingPath() {
        return ring != null ? "io_uring" : libc != null ? "sendmmsg" : "netty";
    }

    /** A read batch starts: sends are held until {@link #end}. */
    public void begin() {
        open = true;
    }

    /** The read batch is over: everything held goes out. */
    public void end() {
        open = false;
        flushAll();
    }

    /** Sends, or inside a batch holds a copy of, the readable bytes of {@code data}; {@code data} stays the caller's. */
    void send(Sender sender, ByteBuf data, InetSocketAddress remote) {
        if (!sender.target(remote)) {
            sender.socket.countDropped();
            return;
        }
        int length = data.readableBytes();
        if (!open || length > SLOT_DATA_SIZE) {
            if (sender.pending > 0) {
                flush(sender);
            }
            sendNow(sender, data, remote);
            return;
        }
        if (used == SLOTS) {
            flushAll();
        }
        int slot = used++;
        int base = slotOffset(slot);
        fillSlot(base, sender, address + base + IOVEC_SIZE + SOCKADDR_SIZE, length);
        memory.limit(base + IOVEC_SIZE + SOCKADDR_SIZE + length).position(base + IOVEC_SIZE + SOCKADDR_SIZE);
        data.getBytes(data.readerIndex(), memory);
        memory.clear();
        remotes[slot] = remote;
        senders[slot] = sender;
        next[slot] = -1;
        if (sender.pending++ == 0) {
            sender.firstSlot = slot;
            dirty[dirtyCount++] = sender;
        } else {
            next[sender.lastSlot] = slot;
        }
        sender.lastSlot = slot;
    }

    /** Sends what {@code sender} holds now, before its socket closes. */
    void flush(Sender sender) {
        int count = 0;
        for (int slot = sender.firstSlot; slot >= 0; slot = next[slot]) {
            writeHeader(count, slotOffset(slot));
            order[count++] = slot;
        }
        sender.firstSlot = -1;
        sender.pending = 0;
        if (ring != null && sendOnRing(count)) {
            return;
        }
        int offset = 0;
        while (offset < count && libc != null) {
            int sent = libc.sendmmsg(sender.fd, address + (long) offset * MMSGHDR_SIZE, count - offset, 0);
            if (sent > 0) {
                offset += sent;
                continue;
            }
            int errno = runtime.getLastError();
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN) {
                // An unreachable or refused peer must not stop the socket: that datagram is lost.
                sender.socket.countDropped();
                offset++;
                continue;
            }
            break;
        }
        // The kernel's send buffer is full, or sendmmsg is not bound yet: Netty sends copies.
        for (; offset < count; offset++) {
            queueSlot(sender, order[offset]);
        }
        release(count);
    }

    /** Forgets the peers and sockets of the slots in the first {@code count} entries of {@link #order}. */
    private void release(int count) {
        for (int i = 0; i < count; i++) {
            remotes[order[i]] = null;
            senders[order[i]] = null;
        }
    }

    private void flushAll() {
        if (ring != null && used > 0) {
            flushAllOnRing();
        }
        for (int i = 0; i < dirtyCount; i++) {
            Sender sender = dirty[i];
            dirty[i] = null;
            if (sender.pending > 0) {
                flush(sender);
            }
        }
        dirtyCount = 0;
        used = 0;
    }

    /** Every slot still held (a socket may have flushed its own early), in the order of the sends, with one submission. */
    private void flushAllOnRing() {
        int count = 0;
        for (int slot = 0; slot < used; slot++) {
            if (senders[slot] != null) {
                writeHeader(count, slotOffset(slot));
                order[count++] = slot;
            }
        }
        if (sendOnRing(count)) {
            for (int i = 0; i < dirtyCount; i++) {
                dirty[i].firstSlot = -1;
                dirty[i].pending = 0;
            }
        }
    }

    /**
     * Sends the first {@code count} headers, the slots of {@link #order}, on the ring; false if
     * the ring failed, which leaves them to sendmmsg. A socket whose buffer is full gets a copy
     * queued in Netty, as with sendmmsg.
     */
    private boolean sendOnRing(int count) {
        for (int i = 0; i < count; i++) {
            memory.putInt(FDS_OFFSET + i * Integer.BYTES, senders[order[i]].fd);
        }
        if (ring.send(address, address + FDS_OFFSET, count) < 0) {
            abandonRing();
            return false;
        }
        for (int i = 0; i < count; i++) {
            int slot = order[i];
            int result = memory.getInt(i * MMSGHDR_SIZE + MSG_LEN);
            if (result == -EAGAIN) {
                queueSlot(senders[slot], slot);
            } else if (result < 0) {
                senders[slot].socket.countDropped();
            }
        }
        release(count);
        return true;
    }

    /** A copy of {@code slot}'s datagram for Netty to send when the socket's buffer drains. */
    private void queueSlot(Sender sender, int slot) {
        int base = slotOffset(slot);
        int length = (int) memory.getLong(base + 8);
        memory.limit(base + IOVEC_SIZE + SOCKADDR_SIZE + length).position(base + IOVEC_SIZE + SOCKADDR_SIZE);
        sender.socket.queue(memory, remotes[slot]);
        memory.clear();
    }

    /** The ring failed (the kernel refused a submission): sendmmsg serves from now on. */
    private void abandonRing() {
        ring = null;
        bindSendmmsg();
    }

    private void sendNow(Sender sender, ByteBuf data, InetSocketAddress remote) {
        int length = data.readableBytes();
        int base = slotOffset(SLOTS);
        long bytes;
        if (libc == null && ring == null) {
            sender.socket.queue(data, remote);
            return;
        }
        if (data.hasMemoryAddress()) {
            bytes = data.memoryAddress() + data.readerIndex();
        } else if (length <= SLOT_DATA_SIZE) {
            memory.limit(base + IOVEC_SIZE + SOCKADDR_SIZE + length).position(base + IOVEC_SIZE + SOCKADDR_SIZE);
            data.getBytes(data.readerIndex(), memory);
            memory.clear();
            bytes = address + base + IOVEC_SIZE + SOCKADDR_SIZE;
        } else {
            sender.socket.queue(data, remote);
            return;
        }
        fillSlot(base, sender, bytes, length);
        writeHeader(SLOTS, base);
        if (ring != null) {
            memory.putInt(FDS_OFFSET + SLOTS * Integer.BYTES, sender.fd);
            if (ring.send(address + (long) SLOTS * MMSGHDR_SIZE, address + FDS_OFFSET + SLOTS * Integer.BYTES, 1) == 0) {
                int result = memory.getInt(SLOTS * MMSGHDR_SIZE + MSG_LEN);
                if (result < 0) {
                    refused(sender, -result, data, remote);
                }
                return;
            }
            abandonRing();
            sender.socket.queue(data, remote);
            return;
        }
        while (true) {
            if (libc.sendmmsg(sender.fd, address + (long) SLOTS * MMSGHDR_SIZE, 1, 0) == 1) {
                return;
            }
            int errno = runtime.getLastError();
            if (errno == EINTR) {
                continue;
            }
            refused(sender, errno, data, remote);
            return;
        }
    }

    /** A send the kernel refused with {@code errno}: queued in Netty if the socket's buffer is full, else lost. */
    private static void refused(Sender sender, int errno, ByteBuf data, InetSocketAddress remote) {
        if (errno == EAGAIN) {
            sender.socket.queue(data, remote);
        } else {
            sender.socket.countDropped();
        }
    }

    /** A slot's iovec and sockaddr: {@code length} bytes at {@code bytes} to the sender's peer. */
    private void fillSlot(int base, Sender sender, long bytes, int length) {
        memory.putLong(base, bytes);
        memory.putLong(base + 8, length);
        memory.put(base + IOVEC_SIZE, sender.sockaddr, 0, sender.sockaddrLength);
        memory.putInt(base + IOVEC_SIZE + SOCKADDR_SIZE - 4, sender.sockaddrLength);
    }

    /** The mmsghdr at {@code index}: one iovec, the slot's sockaddr. */
    private void writeHeader(int index, int slotBase) {
        int header = index * MMSGHDR_SIZE;
        memory.putLong(header, address + slotBase + IOVEC_SIZE);
        memory.putLong(header + MSG_NAMELEN, memory.getInt(slotBase + IOVEC_SIZE + SOCKADDR_SIZE - 4));
        memory.putLong(header + MSG_IOV, address + slotBase);
        memory.putLong(header + MSG_IOVLEN, 1);
        memory.putLong(header + MSG_CONTROL, 0);
        memory.putLong(header + MSG_CONTROLLEN, 0);
        memory.putLong(header + MSG_FLAGS, 0);
        memory.putLong(header + MSG_LEN, 0);
    }

    private static int slotOffset(int slot) {
        return SLOTS_OFFSET + slot * SLOT_SIZE;
    }

    /**
     * Allocates the slab and starts setting up the ring, or else binding sendmmsg, once, when
     * the first socket opens: an idle worker has none of them. What is set up is handed to
     * {@code loop}, the thread that sends.
     */
    void prepare(Executor loop) {
        if (memory != null) {
            return;
        }
        this.loop = loop;
        memory = ByteBuffer.allocateDirect(SLOTS_OFFSET + (SLOTS + 1) * SLOT_SIZE).order(ByteOrder.nativeOrder());
        address = Buffer.memoryAddress(memory);
        startSetup(() -> {
            IoUring opened = IoUring.open(SLOTS + 1);
            if (opened == null) {
                bindSendmmsgNow();
                return;
            }
            if (!handOver(() -> ring = opened)) {
                opened.close();
            }
        });
    }

    private void bindSendmmsg() {
        startSetup(this::bindSendmmsgNow);
    }

    private void bindSendmmsgNow() {
        LibC bound = LibraryLoader.create(LibC.class).load("c");
        Runtime boundRuntime = Runtime.getRuntime(bound);
        handOver(() -> {
            runtime = boundRuntime;
            libc = bound;
        });
    }

    private static void startSetup(Runnable setup) {
        Thread thread = new Thread(() -> {
            try {
                setup.run();
            } catch (LinkageError unloaded) {
                // A library could not load, as when the worker exits while it does: the sockets
                // keep sending through Netty, and nothing reaches stderr, which the library logs.
            }
        }, "udp-send-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop; false if the worker closed meanwhile and nothing is sent any more. */
    private boolean handOver(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }
}
