package org.factdesk.publishing.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.factdesk.cases.Rating;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Draws the share image of a fact-check (1200×630, the size OpenGraph and Twitter cards expect): the rating as a
 * coloured badge, the claim, and the publisher. Vietnamese needs a font with its glyphs: Noto Sans (Debian's
 * fonts-noto-core) when installed, else the JDK's logical sans-serif font, which maps to whatever the system has.
 */
@Component
public class ShareImages {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    static final List<Path> FONT_DIRECTORIES =
            List.of(Path.of("/usr/share/fonts/truetype/noto"), Path.of("/usr/share/fonts/noto"));

    private final Font regular;
    private final Font bold;

    public ShareImages() {
        this.regular = load("NotoSans-Regular.ttf", Font.PLAIN);
        this.bold = load("NotoSans-Bold.ttf", Font.BOLD);
    }

    /** The font family used (for tests and the log). */
    public String fontFamily() {
        return regular.getFamily();
    }

    /**
     * A PNG of the share card.
     *
     * @param ratingLabel the rating in the page's language
     */
    public byte[] render(Rating rating, String ratingLabel, String claim, String publisher, String site) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(new Color(0xF7F7F5));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color accent = color(rating);
            g.setColor(accent);
            g.fillRect(0, 0, 24, HEIGHT);

            // The badge.
            Font badgeFont = bold.deriveFont(44f);
            g.setFont(badgeFont);
            FontMetrics badgeMetrics = g.getFontMetrics();
            String badge = ratingLabel.toUpperCase(java.util.Locale.forLanguageTag("vi"));
            int badgeWidth = badgeMetrics.stringWidth(badge) + 56;
            g.fillRoundRect(72, 64, badgeWidth, 84, 24, 24);
            g.setColor(Color.WHITE);
            g.drawString(badge, 100, 64 + 42 + badgeMetrics.getAscent() / 2 - 6);

            // The claim, wrapped to at most five lines.
            g.setColor(new Color(0x1F2328));
            Font claimFont = regular.deriveFont(46f);
            g.setFont(claimFont);
            FontMetrics claimMetrics = g.getFontMetrics();
            List<String> lines = wrap("“" + claim.strip() + "”", claimMetrics, WIDTH - 72 - 80, 5);
            int y = 210 + claimMetrics.getAscent();
            for (String line : lines) {
                g.drawString(line, 72, y);
                y += claimMetrics.getHeight() + 4;
            }

            // Publisher and site at the bottom.
            g.setColor(new Color(0x57606A));
            g.setFont(bold.deriveFont(28f));
            g.drawString(publisher, 72, HEIGHT - 64);
            g.setFont(regular.deriveFont(26f));
            FontMetrics siteMetrics = g.getFontMetrics();
            g.drawString(site, WIDTH - 72 - siteMetrics.stringWidth(site), HEIGHT - 64);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && metrics.stringWidth(last + " …") > width) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(maxLines - 1, last.strip() + " …");
            return kept;
        }
        return lines;
    }

    static Color color(Rating rating) {
        return switch (rating) {
            case FALSE -> new Color(0xB42318);
            case MISLEADING, PARTLY_FALSE -> new Color(0xC4320A);
            case MISSING_CONTEXT, UNVERIFIABLE -> new Color(0x8A6100);
            case TRUE -> new Color(0x1A7F37);
            case SATIRE -> new Color(0x6E40C9);
        };
    }

    private static Font load(String file, int style) {
        for (Path directory : FONT_DIRECTORIES) {
            Path path = directory.resolve(file);
            if (Files.isReadable(path)) {
                Font font = fromFile(path);
                if (font != null) {
                    return font;
                }
            }
        }
        return new Font(Font.SANS_SERIF, style, 12);
    }

    private static @Nullable Font fromFile(Path path) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, path.toFile());
        } catch (FontFormatException | IOException unreadable) {
            return null;
        }
    }
}
