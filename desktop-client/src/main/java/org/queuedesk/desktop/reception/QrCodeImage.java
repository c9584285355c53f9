package org.queuedesk.desktop.reception;

import io.nayuki.qrcodegen.QrCode;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code as a crisp image: whole pixels per module and the four-module quiet zone phones need to read it. */
final class QrCodeImage {

    static final int QUIET_ZONE = 4;

    private QrCodeImage() {
    }

    static QrCode encode(String text) {
        return QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    }

    /** Safe off the FX thread: an image not yet in a scene. */
    static WritableImage of(String text, int pixelsPerModule) {
        QrCode qr = encode(text);
        int side = (qr.size + 2 * QUIET_ZONE) * pixelsPerModule;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int moduleX = x / pixelsPerModule - QUIET_ZONE;
                int moduleY = y / pixelsPerModule - QUIET_ZONE;
                pixels.setColor(x, y, qr.getModule(moduleX, moduleY) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
