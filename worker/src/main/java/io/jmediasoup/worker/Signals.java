package io.jmediasoup.worker;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process signals of the C++ worker: INT and TERM close it; PIPE, HUP, ALRM, USR1 and
 * USR2 are ignored (the Node library's tests send them and expect the worker to live on).
 */
final class Signals {
    private static final String[] IGNORED = {"PIPE", "HUP", "ALRM", "USR1", "USR2"};
    private static final String[] CLOSING = {"INT", "TERM"};

    private Signals() {}

    static void install(Runnable close) {
        for (String name : IGNORED) {
            Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
        }
        for (String name : CLOSING) {
            Signal.handle(new Signal(name), signal -> close.run());
        }
    }
}
