package org.queuedesk.desktop.kiosk.print;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders text the printer's code page cannot hold (Arabic, for one) into a black-and-white bitmap the
 * width of the paper, shaped and ordered by Java2D (so Arabic joins and runs right to left), wrapped to
 * several lines when it is long. Works headless: no screen, no toolkit.
 */
final class TextBitmaps {

    private static final String[] FONTS = {"Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", Font.SANS_SERIF};

    private TextBitmaps() {
    }

    static BufferedImage render(String text, int widthPx, float sizePx, boolean bold, boolean rightToLeft) {
        Font font = font(text, bold).deriveFont(sizePx);
        AttributedString attributed = new AttributedString(text);
        attributed.addAttribute(TextAttribute.FONT, font);
        attributed.addAttribute(TextAttribute.RUN_DIRECTION,
                rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        FontRenderContext context = new FontRenderContext(null, true, true);
        LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), context);
        List<TextLayout> lines = new ArrayList<>();
        while (measurer.getPosition() < text.length()) {
            lines.add(measurer.nextLayout(widthPx - 8f));
        }
        int height = 8;
        for (TextLayout line : lines) {
            height += (int) Math.ceil(line.getAscent() + line.getDescent() + line.getLeading());
        }
        BufferedImage image = new BufferedImage(widthPx, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            float y = 4;
            for (TextLayout line : lines) {
                y += line.getAscent();
                float x = (widthPx - line.getAdvance()) / 2f; // centred, like the rest of the ticket
                line.draw(g, x, y);
                y += line.getDescent() + line.getLeading();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Font font(String text, boolean bold) {
        for (String name : FONTS) {
            Font candidate = new Font(name, bold ? Font.BOLD : Font.PLAIN, 24);
            if (candidate.canDisplayUpTo(text) == -1) {
                return candidate;
            }
        }
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 24);
    }
}
