package org.queuedesk.desktop.display;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.queuedesk.desktop.app.FxBackgroundExecutor;

/**
 * A two-note chime synthesised with {@code javax.sound.sampled} (no media module, no sound files), then,
 * when switched on and espeak-ng is installed, the call spoken aloud ("Ticket A 42, Room 2"). Everything
 * runs on one background thread, so several calls are announced one after another and never overlap.
 * A computer without a sound device (a test machine, a muted TV box) just stays silent.
 */
public final class CallAnnouncer implements Announcer {

    private static final Logger LOG = Logger.getLogger(CallAnnouncer.class.getName());
    private static final float RATE = 22_050f;

    private final ExecutorService queue;
    private final SoundOutput sound;
    private final boolean speak;
    private final Locale language;
    private final String speechPattern;
    private boolean soundMissingLogged;

    /** @param speechPattern e.g. "Ticket {0}, {1}" in the display's language */
    public CallAnnouncer(boolean speak, Locale language, String speechPattern) {
        this(speak, language, speechPattern,
                Executors.newSingleThreadExecutor(FxBackgroundExecutor.daemonThreads("queuedesk-chime-")),
                AudioSystem::getSourceDataLine);
    }

    /** Where the chime plays; a seam so a test can be a machine without a sound device. */
    interface SoundOutput {
        SourceDataLine line(AudioFormat format) throws LineUnavailableException;
    }

    CallAnnouncer(boolean speak, Locale language, String speechPattern, ExecutorService queue, SoundOutput sound) {
        this.queue = queue;
        this.sound = sound;
        this.speak = speak && espeak() != null;
        this.language = language;
        this.speechPattern = speechPattern;
    }

    @Override
    public void announce(String number, String room) {
        queue.execute(() -> {
            chime();
            if (speak) {
                say(java.text.MessageFormat.format(speechPattern, spoken(number), room));
            }
        });
    }

    /** "A-042" is read "A 42". */
    static String spoken(String number) {
        return number.replace('-', ' ').replaceAll(" 0+(\\d)", " $1");
    }

    private void chime() {
        byte[] tone = tones(880, 660);
        try (SourceDataLine line = sound.line(new AudioFormat(RATE, 16, 1, true, false))) {
            line.open();
            line.start();
            line.write(tone, 0, tone.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            if (!soundMissingLogged) {
                soundMissingLogged = true;
                LOG.log(Level.INFO, "No sound device: the display stays silent ({0})", e.toString());
            }
        }
    }

    /** Two soft notes with a fade-in and fade-out, so the chime never clicks. */
    static byte[] tones(double... frequencies) {
        int perNote = (int) (RATE * 0.35);
        byte[] out = new byte[perNote * frequencies.length * 2];
        int i = 0;
        for (double frequency : frequencies) {
            for (int n = 0; n < perNote; n++) {
                double envelope = Math.min(1, Math.min(n, perNote - n) / (RATE * 0.03));
                short sample = (short) (Math.sin(2 * Math.PI * frequency * n / RATE) * envelope * 0.4 * Short.MAX_VALUE);
                out[i++] = (byte) sample;
                out[i++] = (byte) (sample >> 8);
            }
        }
        return out;
    }

    private void say(String text) {
        List<String> command = new ArrayList<>(List.of(espeak(), "-v", language.getLanguage(), text));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (Exception e) {
            LOG.log(Level.INFO, "espeak-ng could not speak the call", e);
        } 
    }

    private static String espeak() {
        for (String candidate : List.of("/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public void close() {
        queue.shutdownNow();
    }
}
