package org.queuedesk.desktop.display;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/** The default sound device through {@code javax.sound.sampled}: no media module, no sound files. */
public final class JavaSoundOutput implements SoundOutput {

    @Override
    public void play(byte[] samples, float sampleRate) throws Exception {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(samples, 0, samples.length);
            line.drain();
        }
    }
}
