package org.queuedesk.desktop.testing;

import java.util.ArrayList;
import javafx.scene.Node;

/**
 * Whether a person can see where the keyboard is: the scene's pixels just outside a control, compared before and
 * after it takes the focus (call on the FX thread).
 */
public final class FocusRings {

    private FocusRings() {
    }

    /**
     * The pixels of the scene in a band 2 to 5 pixels outside the node's edges, as drawn: where a focus ring shows,
     * and where nothing of the control itself is (its text or fill moving by a pixel does not count).
     */
    public static int[] looks(Node node) {
        var image = node.getScene().snapshot(null);
        var b = node.localToScene(node.getLayoutBounds());
        int x0 = (int) Math.round(b.getMinX());
        int y0 = (int) Math.round(b.getMinY());
        int x1 = (int) Math.round(b.getMaxX());
        int y1 = (int) Math.round(b.getMaxY());
        var reader = image.getPixelReader();
        var band = new ArrayList<Integer>();
        for (int y = y0 - 5; y < y1 + 5; y++) {
            for (int x = x0 - 5; x < x1 + 5; x++) {
                int outside = Math.max(Math.max(x0 - x, x - (x1 - 1)), Math.max(y0 - y, y - (y1 - 1)));
                if (outside >= 2) {
                    band.add(reader.getArgb(x, y));
                }
            }
        }
        return band.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Pixels a person sees change: some colour channel moved by more than a quarter of its range. */
    public static long visiblyChanged(int[] before, int[] after) {
        long changed = 0;
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs(((before[i] >> shift) & 0xff) - ((after[i] >> shift) & 0xff)) > 64) {
                    changed++;
                    break;
                }
            }
        }
        return changed;
    }
}
