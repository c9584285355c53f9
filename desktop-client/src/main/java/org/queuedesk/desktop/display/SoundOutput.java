package org.queuedesk.desktop.display;

/**
 * Where the chime is played: the computer's sound device ({@link JavaSoundOutput}), or a recording in tests.
 * Blocking (the announcer calls it on its own thread); fails when the computer has no usable sound device.
 */
public interface SoundOutput {

    /** Plays 16-bit signed little-endian mono samples at {@code sampleRate} to the end. */
    void play(byte[] samples, float sampleRate) throws Exception;
}
