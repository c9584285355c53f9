package org.queuedesk.desktop.display;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuedesk.desktop.ground.FxBackgroundExecutor;

/**
 * A two-note chime synthesised in code (no media module, no sound files) and played on a {@link SoundOutput},
 * then, when switched on and espeak-ng is installed, the call spoken aloud ("Ticket A 42, Room 2"). Everything
 * runs on one background thread, so several calls are announced one after another and never overlap.
 * A computer without a sound device (a test machine, a muted TV box) just stays silent, and says so once.
 */
public final class CallAnnouncer implements Announcer {

    private static final Logger LOG = Logger.getLogger(CallAnnouncer.class.getName());
    static final float RATE = 22_050f;

    private final ExecutorService queue;
    private final SoundOutput sound;
    private final boolean speak;
    private final Locale language;
    private final String speechPattern;
    private final AtomicBoolean soundMissing = new AtomicBoolean();

    /** @param speechPattern e.g. "Ticket {0}, {1}" in the display's language */
    public CallAnnouncer(boolean speak, Locale language, String speechPattern) {
        this(speak, language, speechPattern, new JavaSoundOutput(),
                Executors.newSingleThreadExecutor(FxBackgroundExecutor.daemonThreads("queuedesk-chime-")));
    }

    /** @param queue runs each announcement in turn, off the UI thread (tests: the calling thread) */
    CallAnnouncer(boolean speak, Locale language, String speechPattern, SoundOutput sound, ExecutorService queue) {
        this.speak = speak && espeak() != null;
        this.language = language;
        this.speechPattern = speechPattern;
        this.sound = sound;
        this.queue = queue;
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
        try {
            sound.play(tones(880, 660), RATE);
            if (soundMissing.getAndSet(false)) {
                LOG.info("The sound device works again: calls chime");
            }
        } catch (Exception | LinkageError e) {
            // no device, or a runtime without sound libraries. Every call tries again (a device may be plugged
            // in later), but the log says it once
            if (!soundMissing.getAndSet(true)) {
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
