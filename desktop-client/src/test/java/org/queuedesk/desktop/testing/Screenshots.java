package org.queuedesk.desktop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves a scene as a PNG under target/screenshots, and reads UI state on the FX thread. */
public final class Screenshots {

    private static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static void save(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // the scene, not its root: exactly what the window shows, clipped to it as a user sees it
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(DIR);
        assertThat(ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", DIR.resolve(name).toFile())).isTrue();
    }

    /** Reads UI state on the FX thread, where it is written. */
    public static <T> Callable<T> onFx(Callable<T> read) {
        return () -> WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
