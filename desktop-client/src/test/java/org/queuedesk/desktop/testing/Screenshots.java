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

    /**
     * Like {@link #save}, with the scene's open popups (a combo box's list) drawn where they are on screen: a
     * scene snapshot alone leaves them out.
     */
    public static void saveWithPopups(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            WritableImage base = scene.snapshot(null);
            var window = scene.getWindow();
            for (var popup : javafx.stage.Window.getWindows()) {
                if (popup instanceof javafx.stage.PopupWindow p && p.isShowing() && p.getOwnerWindow() == window) {
                    WritableImage over = p.getScene().snapshot(null);
                    int x = (int) Math.round(p.getX() + p.getScene().getX() - window.getX() - scene.getX());
                    int y = (int) Math.round(p.getY() + p.getScene().getY() - window.getY() - scene.getY());
                    int w = (int) Math.min(over.getWidth(), base.getWidth() - Math.max(0, x));
                    int h = (int) Math.min(over.getHeight(), base.getHeight() - Math.max(0, y));
                    for (int dy = 0; dy < h; dy++) {
                        for (int dx = 0; dx < w; dx++) {
                            int argb = over.getPixelReader().getArgb(dx, dy);
                            if ((argb >>> 24) > 0 && x + dx >= 0 && y + dy >= 0) {
                                base.getPixelWriter().setArgb(x + dx, y + dy, argb);
                            }
                        }
                    }
                }
            }
            return base;
        }).get(10, TimeUnit.SECONDS);
        Files.createDirectories(DIR);
        assertThat(ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", DIR.resolve(name).toFile())).isTrue();
    }

    /** Reads UI state on the FX thread, where it is written. */
    public static <T> Callable<T> onFx(Callable<T> read) {
        return () -> WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
