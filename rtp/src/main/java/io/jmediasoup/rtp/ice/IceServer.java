package io.jmediasoup.rtp.ice;

import io.jmediasoup.rtp.stun.MessageIntegrity;
import io.jmediasoup.rtp.stun.StunPacket;
import io.jmediasoup.rtp.stun.StunPacket.Authentication;
import io.jmediasoup.rtp.stun.StunPacket.MessageClass;
import io.jmediasoup.rtp.stun.StunResponseWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ICE-lite agent of a WebRtcTransport (RFC 8445 §2.5), always controlled, as the C++
 * worker's IceServer behaves: it answers Binding requests that carry our credentials, keeps
 * the tuples requests came from as valid, selects the tuple nominated with USE-CANDIDATE
 * (or the first one before any nomination), and goes through new, connected, completed and
 * disconnected. A peer with our credentials can send from as many ports as it likes, so at
 * most {@link #MAX_TUPLES} are kept (as the C++ worker of 3.32.2 does): a new one evicts the
 * oldest that is not selected, and lookups walk at most that many. There is no
 * consent-freshness timer: only the loss of every tuple (TCP connections closing) disconnects
 * it. Sans-I/O: tuples are opaque to it, responses go out
 * through the listener. Not thread-safe.
 *
 * @param <T> a media path: equal tuples are the same path
 */
public final class IceServer<T extends IceServer.Tuple> {
    /** What the agent needs to know of a media path: where its peer is. */
    public interface Tuple {
        InetSocketAddress remoteAddress();
    }

    /** Told of every response to send and every change of tuple or state. */
    public interface Listener<T> {
        /** Send {@code packet} on {@code tuple}; it is lent for the call. */
        void onIceServerSendStunPacket(ByteBuf packet, T tuple);

        void onIceServerSelectedTuple(T tuple);

        /** {@code tuple} answered a valid request for the first time: the peer is authenticated on it. */
        void onIceServerTupleAdded(T tuple);

        /** {@code tuple} was evicted to make room for a newer one; it is no longer valid. */
        void onIceServerTupleEvicted(T tuple);

        /** Connected, completed or disconnected. */
        void onIceServerStateChange(IceState state);

        /** Why a STUN message was refused or ignored, for the "ice" log tag. */
        void onIceServerWarning(String text);
    }

    /** A username fragment and the password that signs with it. */
    private record Credentials(String usernameFragment, String password, byte[] fragmentBytes,
            MessageIntegrity integrity) {
        static Credentials of(String usernameFragment, String password) {
            return new Credentials(usernameFragment, password,
                    usernameFragment.getBytes(StandardCharsets.UTF_8), new MessageIntegrity(password));
        }
    }

    /** The most valid tuples kept at once. */
    public static final int MAX_TUPLES = 8;

    private final Listener<T> listener;
    private final ByteBufAllocator allocator;
    private final StunResponseWriter writer = new StunResponseWriter();
    private Credentials credentials;
    /** The credentials before the last restart, accepted until the peer uses the new ones. */
    private Credentials oldCredentials;
    private IceState state = IceState.NEW;
    /** The valid tuples, the most recent first. */
    private final List<T> tuples = new ArrayList<>();
    private final List<T> tuplesView = Collections.unmodifiableList(tuples);
    private T selectedTuple;
    private boolean reasonPhrases;

    public IceServer(Listener<T> listener, ByteBufAllocator allocator, String usernameFragment, String password) {
        this.listener = listener;
        this.allocator = allocator;
        this.credentials = Credentials.of(usernameFragment, password);
    }

    /** From now on error responses carry a reason phrase, as mediasoup 3.32.2's do (3.8.4's carry none). */
    public void sendReasonPhrases() {
        reasonPhrases = true;
    }

    public String usernameFragment() {
        return credentials.usernameFragment();
    }

    public String password() {
        return credentials.password();
    }

    public IceState state() {
        return state;
    }

    /** The tuple media goes out on; null before the first valid request and once disconnected. */
    public T selectedTuple() {
        return selectedTuple;
    }

    /** The valid tuples, the most recent first (a read-only view). */
    public List<T> tuples() {
        return tuplesView;
    }

    /** New local credentials (ICE restart); the previous ones still work until the peer uses these. */
    public void restart(String usernameFragment, String password) {
        oldCredentials = credentials;
        credentials = Credentials.of(usernameFragment, password);
    }

    /** Handles a STUN message that came on {@code tuple}. */
    public void processStunPacket(StunPacket packet, T tuple) {
        MessageClass messageClass = packet.messageClass();
        if (packet.method() != StunPacket.METHOD_BINDING) {
            if (messageClass == MessageClass.REQUEST) {
                reject(packet, tuple, 400, "unknown method " + hex(packet.method()) + " in STUN Request => 400",
                        "unknown method");
            } else {
                listener.onIceServerWarning("ignoring STUN Indication or Response with unknown method " + hex(packet.method()));
            }
            return;
        }
        // FINGERPRINT is mandatory in ICE, except in indications.
        if (!packet.hasFingerprint() && messageClass != MessageClass.INDICATION) {
            if (messageClass == MessageClass.REQUEST) {
                reject(packet, tuple, 400, "STUN Binding Request without FINGERPRINT => 400",
                        "missing FINGERPRINT attribute in STUN Binding request");
            } else {
                listener.onIceServerWarning("ignoring STUN Binding Response without FINGERPRINT");
            }
            return;
        }
        if (messageClass == MessageClass.REQUEST) {
            processBindingRequest(packet, tuple);
        }
    }

    private static String hex(int method) {
        return String.format("0x%03x", method);
    }

    private void processBindingRequest(StunPacket request, T tuple) {
        if (!request.hasMessageIntegrity() || request.priority() == 0 || !request.hasUsername()) {
            reject(request, tuple, 400, "missing required attributes in STUN Binding Request => 400",
                    request.priority() == 0 ? "missing PRIORITY attribute in STUN Binding request"
                            : "cannot check authentication in STUN Binding request");
            return;
        }
        switch (request.checkAuthentication(credentials.fragmentBytes(), credentials.integrity())) {
            case OK:
                // The peer has taken the new credentials: the old ones are done.
                oldCredentials = null;
                break;
            case UNAUTHORIZED:
                if (oldCredentials != null && request.checkAuthentication(oldCredentials.fragmentBytes(),
                        oldCredentials.integrity()) == Authentication.OK) {
                    break;
                }
                reject(request, tuple, 401, "wrong authentication in STUN Binding Request => 401",
                        "wrong authentication in STUN Binding request");
                return;
            default:
                reject(request, tuple, 400, "cannot check authentication in STUN Binding Request => 400",
                        "cannot check authentication in STUN Binding request");
                return;
        }
        // Being ICE-lite we are always controlled: a controlled peer is a role conflict.
        if (request.iceControlled() != 0) {
            reject(request, tuple, 487, "peer indicates ICE-CONTROLLED in STUN Binding Request => 487",
                    "invalid ICE-CONTROLLED attribute in STUN Binding request");
            return;
        }
        Credentials signing = oldCredentials != null ? oldCredentials : credentials;
        ByteBuf response = allocator.buffer(StunResponseWriter.MAX_RESPONSE_SIZE);
        try {
            writer.writeSuccess(request, tuple.remoteAddress(), signing.integrity(), response);
            listener.onIceServerSendStunPacket(response, tuple);
        } finally {
            response.release();
        }
        handleTuple(tuple, request.hasUseCandidate());
    }

    /** Answers {@code request} with {@code errorCode}; {@code reasonPhrase} is 3.32.2's text for it. */
    private void reject(StunPacket request, T tuple, int errorCode, String warning, String reasonPhrase) {
        listener.onIceServerWarning(warning);
        ByteBuf response = allocator.buffer(StunResponseWriter.MAX_RESPONSE_SIZE);
        try {
            writer.writeError(request, errorCode, reasonPhrases ? reasonPhrase : "", response);
            listener.onIceServerSendStunPacket(response, tuple);
        } finally {
            response.release();
        }
    }

    /** A tuple answered a valid request: it becomes valid, and selected if nominated or the first. */
    private void handleTuple(T tuple, boolean useCandidate) {
        T stored = find(tuple);
        if (stored == null) {
            stored = add(tuple);
        }
        switch (state) {
            case NEW, DISCONNECTED -> {
                setSelectedTuple(stored);
                changeState(useCandidate ? IceState.COMPLETED : IceState.CONNECTED);
            }
            case CONNECTED -> {
                if (useCandidate) {
                    setSelectedTuple(stored);
                    changeState(IceState.COMPLETED);
                }
            }
            case COMPLETED -> {
                if (useCandidate) {
                    setSelectedTuple(stored);
                }
            }
        }
    }

    /** Stores a new valid tuple first, evicting the oldest unselected one past {@link #MAX_TUPLES}. */
    private T add(T tuple) {
        tuples.add(0, tuple);
        listener.onIceServerTupleAdded(tuple);
        if (tuples.size() > MAX_TUPLES) {
            for (int i = tuples.size() - 1; i > 0; i--) {
                T oldest = tuples.get(i);
                if (oldest != selectedTuple) {
                    tuples.remove(i);
                    listener.onIceServerWarning("too many tuples, removing the oldest non selected one");
                    listener.onIceServerTupleEvicted(oldest);
                    break;
                }
            }
        }
        return tuple;
    }

    /** The stored valid tuple equal to {@code tuple}, or null. */
    public T find(T tuple) {
        if (selectedTuple == null) {
            return null;
        }
        if (selectedTuple.equals(tuple)) {
            return selectedTuple;
        }
        for (T stored : tuples) {
            if (stored.equals(tuple)) {
                return stored;
            }
        }
        return null;
    }

    public boolean isValidTuple(T tuple) {
        return find(tuple) != null;
    }

    /**
     * Media or DTLS arrived on a valid tuple: it becomes the selected one, for peers that
     * switch paths without nominating again (aggressive nomination). Ignored for other tuples.
     */
    public void forceSelectedTuple(T tuple) {
        T stored = find(tuple);
        if (stored != null) {
            setSelectedTuple(stored);
        }
    }

    /**
     * A tuple is gone (its TCP connection closed): when it was the selected one the most recent
     * other valid tuple is selected, and without any the agent is disconnected.
     */
    public void removeTuple(T tuple) {
        T stored = null;
        for (T candidate : tuples) {
            if (candidate.equals(tuple)) {
                stored = candidate;
                break;
            }
        }
        if (stored == null) {
            return;
        }
        tuples.remove(stored);
        if (stored != selectedTuple) {
            return;
        }
        selectedTuple = null;
        if (!tuples.isEmpty()) {
            setSelectedTuple(tuples.get(0));
        } else {
            changeState(IceState.DISCONNECTED);
        }
    }

    private void setSelectedTuple(T stored) {
        if (stored == selectedTuple) {
            return;
        }
        selectedTuple = stored;
        listener.onIceServerSelectedTuple(stored);
    }

    private void changeState(IceState newState) {
        state = newState;
        listener.onIceServerStateChange(newState);
    }
}
