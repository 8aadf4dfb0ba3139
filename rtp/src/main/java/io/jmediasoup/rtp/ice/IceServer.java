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
import java.util.function.LongSupplier;

/**
 * The ICE-lite agent of a WebRtcTransport (RFC 8445 §2.5), always controlled, as the C++
 * worker's IceServer behaves: it answers Binding requests that carry our credentials, keeps
 * the tuples requests came from as valid, selects the tuple nominated with USE-CANDIDATE
 * (or the first one before any nomination), and goes through new, connected, completed and
 * disconnected. A peer with our credentials can send from as many ports as it likes, so at
 * most {@link #MAX_TUPLES} are kept (as the C++ worker of 3.32.2 does): a new one evicts the
 * oldest that is not selected, and lookups walk at most that many.
 *
 * <p>What mediasoup 3.32 added is in {@link Options}: renomination (a NOMINATION attribute
 * higher than the last one selects its tuple) and consent freshness (RFC 7675): once
 * connected, a peer that sends no valid Binding request for the consent timeout loses every
 * tuple and the agent is disconnected. Sans-I/O: tuples are opaque to it, responses go out
 * through the listener, and the owner runs a timer to {@link #consentDeadlineMs()} that calls
 * {@link #checkConsent()}. Not thread-safe.
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

        /** {@code tuple} is no longer valid: evicted to make room for a newer one, or consent expired. */
        void onIceServerTupleRemoved(T tuple);

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

    /**
     * How an era's agent goes past 3.8.4's: whether it honours NOMINATION, and the RFC 7675
     * consent timeout in seconds (0: no consent checks; else kept within 10..60, as 3.32.2 does).
     */
    public record Options(boolean renomination, int consentTimeoutSeconds) {
        /** mediasoup 3.8.4: USE-CANDIDATE alone nominates, consent never expires. */
        public static final Options MEDIASOUP_3_8 = new Options(false, 0);
    }

    /** The most valid tuples kept at once. */
    public static final int MAX_TUPLES = 8;
    private static final int CONSENT_MIN_TIMEOUT_SECONDS = 10;
    private static final int CONSENT_MAX_TIMEOUT_SECONDS = 60;

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
    private final boolean renomination;
    /** 0 when consent is not checked. */
    private final long consentTimeoutMs;
    private final LongSupplier clockMs;
    /** When the last consent was given while connected; {@link #NO_CONSENT_CHECK} when the check is not running. */
    private long consentMs = NO_CONSENT_CHECK;
    private static final long NO_CONSENT_CHECK = Long.MIN_VALUE;
    /** The highest NOMINATION taken, 0 before any (and after a restart or a disconnection). */
    private long remoteNomination;
    private boolean reasonPhrases;

    /** An agent as mediasoup 3.8.4's. */
    public IceServer(Listener<T> listener, ByteBufAllocator allocator, String usernameFragment, String password) {
        this(listener, allocator, usernameFragment, password, Options.MEDIASOUP_3_8, () -> 0);
    }

    /** An agent with {@code options}; {@code clockMs} is monotonic, for the consent timeout. */
    public IceServer(Listener<T> listener, ByteBufAllocator allocator, String usernameFragment, String password,
            Options options, LongSupplier clockMs) {
        this.listener = listener;
        this.allocator = allocator;
        this.credentials = Credentials.of(usernameFragment, password);
        this.renomination = options.renomination();
        this.clockMs = clockMs;
        int seconds = options.consentTimeoutSeconds();
        if (seconds != 0 && seconds < CONSENT_MIN_TIMEOUT_SECONDS) {
            listener.onIceServerWarning("consentTimeoutSec cannot be lower than " + CONSENT_MIN_TIMEOUT_SECONDS
                    + " seconds, fixing it");
            seconds = CONSENT_MIN_TIMEOUT_SECONDS;
        } else if (seconds > CONSENT_MAX_TIMEOUT_SECONDS) {
            listener.onIceServerWarning("consentTimeoutSec cannot be higher than " + CONSENT_MAX_TIMEOUT_SECONDS
                    + " seconds, fixing it");
            seconds = CONSENT_MAX_TIMEOUT_SECONDS;
        }
        this.consentTimeoutMs = seconds * 1000L;
    }

    /** The consent timeout in effect, in milliseconds; 0 when consent is not checked. */
    public long consentTimeoutMs() {
        return consentTimeoutMs;
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

    /**
     * New local credentials (ICE restart); the previous ones still work until the peer uses
     * these. A running consent check starts over, giving the peer time to restart.
     */
    public void restart(String usernameFragment, String password) {
        oldCredentials = credentials;
        credentials = Credentials.of(usernameFragment, password);
        remoteNomination = 0;
        if (consentCheckRunning()) {
            startConsentCheck();
        }
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
        boolean hasNomination = renomination && request.hasNomination();
        handleTuple(tuple, request.hasUseCandidate(), hasNomination, hasNomination ? request.nomination() : 0);
        if (consentTimeoutMs != 0 && iceHasPath()) {
            startConsentCheck();
        }
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

    /**
     * A tuple answered a valid request: it becomes valid, and selected when it is the first or
     * nominated. With NOMINATION only a value higher than the last one taken nominates; in
     * completed, USE-CANDIDATE alone moves the selection too.
     */
    private void handleTuple(T tuple, boolean useCandidate, boolean hasNomination, long nomination) {
        T stored = find(tuple);
        if (stored == null) {
            stored = add(tuple);
        }
        boolean newNomination = hasNomination && nomination > remoteNomination;
        boolean nominated = newNomination || (useCandidate && !hasNomination);
        switch (state) {
            case NEW, DISCONNECTED -> {
                if (!useCandidate && !hasNomination) {
                    setSelectedTuple(stored);
                    changeState(IceState.CONNECTED);
                } else if (nominated) {
                    takeNomination(newNomination, nomination);
                    setSelectedTuple(stored);
                    changeState(IceState.COMPLETED);
                }
            }
            case CONNECTED -> {
                if (nominated) {
                    takeNomination(newNomination, nomination);
                    setSelectedTuple(stored);
                    changeState(IceState.COMPLETED);
                }
            }
            case COMPLETED -> {
                if (newNomination || useCandidate) {
                    takeNomination(newNomination, nomination);
                    setSelectedTuple(stored);
                }
            }
        }
    }

    private void takeNomination(boolean newNomination, long nomination) {
        if (newNomination) {
            remoteNomination = nomination;
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
                    listener.onIceServerTupleRemoved(oldest);
                    break;
                }
            }
        }
        return tuple;
    }

    /** The stored valid tuple equal to {@code tuple}, or null. */
    public T find(T tuple) {
        if (selectedTuple != null && selectedTuple.equals(tuple)) {
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
     * switch paths without nominating again (aggressive nomination). Ignored for other tuples
     * and unless connected or completed.
     */
    public void forceSelectedTuple(T tuple) {
        if (!iceHasPath()) {
            return;
        }
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
        if (iceHasPath() && !tuples.isEmpty()) {
            setSelectedTuple(tuples.get(0));
            // The peer gets a whole timeout to consent on the new path.
            if (consentCheckRunning()) {
                startConsentCheck();
            }
        } else {
            disconnect();
        }
    }

    /** When consent expires; {@link Long#MAX_VALUE} while it is not checked. */
    public long consentDeadlineMs() {
        return consentCheckRunning() ? consentMs + consentTimeoutMs : Long.MAX_VALUE;
    }

    /**
     * Called at {@link #consentDeadlineMs()} (or any time): when no consent came for the whole
     * timeout, every tuple is removed and the agent is disconnected.
     */
    public void checkConsent() {
        if (!consentCheckRunning() || clockMs.getAsLong() < consentMs + consentTimeoutMs) {
            return;
        }
        listener.onIceServerWarning("ICE consent expired due to timeout, moving to 'disconnected' state");
        List<T> removed = new ArrayList<>(tuples);
        // Cleared first: a listener closing a TCP connection may come back to removeTuple().
        tuples.clear();
        selectedTuple = null;
        for (T tuple : removed) {
            listener.onIceServerTupleRemoved(tuple);
        }
        disconnect();
    }

    private boolean iceHasPath() {
        return state == IceState.CONNECTED || state == IceState.COMPLETED;
    }

    private boolean consentCheckRunning() {
        return consentMs != NO_CONSENT_CHECK;
    }

    /** Starts the consent check, or starts it over: consent was just given. */
    private void startConsentCheck() {
        consentMs = clockMs.getAsLong();
    }

    private void disconnect() {
        remoteNomination = 0;
        consentMs = NO_CONSENT_CHECK;
        changeState(IceState.DISCONNECTED);
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
