package io.jmediasoup.worker.rtc;

import java.security.SecureRandom;

/** Random [0-9a-z] strings, the alphabet of mediasoup's ICE credentials. */
final class RandomStrings {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomStrings() {}

    static String of(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
