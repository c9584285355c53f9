package org.queuedesk.desktop.admin;

import io.nayuki.qrcodegen.QrCode;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A device token as a QR code to scan at the kiosk or display: whole pixels per module and the four-module
 * quiet zone scanners need (as the reception's status-link code; that one is the reception's own business).
 */
final class TokenQrCode {

    static final int QUIET_ZONE = 4;

    private TokenQrCode() {
    }

    static WritableImage of(String text, int pixelsPerModule) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = (qr.size + 2 * QUIET_ZONE) * pixelsPerModule;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = qr.getModule(x / pixelsPerModule - QUIET_ZONE, y / pixelsPerModule - QUIET_ZONE);
                pixels.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
