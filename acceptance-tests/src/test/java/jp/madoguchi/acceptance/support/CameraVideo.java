package jp.madoguchi.acceptance.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A camera's view for Chromium's fake capture device: a Y4M video (YUV 4:2:0) of a grey counter top with a code
 * held up in it. Y4M, because Chromium reads it without a codec.
 */
public final class CameraVideo {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private CameraVideo() {
    }

    /** A few frames of {@code codePng} (e.g. a slip's QR) held up in front of the camera. */
    public static Path showing(byte[] codePng) {
        try {
            BufferedImage code = ImageIO.read(new ByteArrayInputStream(codePng));
            BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(0x8a, 0x8f, 0x94));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.WHITE);
            g.fillRect(150, 70, 340, 340);
            g.drawImage(code, 170, 90, 300, 300, null);
            g.dispose();
            Path file = Files.createTempFile("camera-", ".y4m");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
                byte[] planes = i420(frame);
                for (int i = 0; i < 10; i++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(planes);
                }
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BT.601 full range, chroma averaged over 2×2 pixels. */
    private static byte[] i420(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3 / 2];
        int u0 = w * h;
        int v0 = u0 + w * h / 4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, gr = (rgb >> 8) & 0xff, b = rgb & 0xff;
                out[y * w + x] = (byte) clamp(0.299 * r + 0.587 * gr + 0.114 * b);
                if (y % 2 == 0 && x % 2 == 0) {
                    int i = (y / 2) * (w / 2) + x / 2;
                    out[u0 + i] = (byte) clamp(128 - 0.168736 * r - 0.331264 * gr + 0.5 * b);
                    out[v0 + i] = (byte) clamp(128 + 0.5 * r - 0.418688 * gr - 0.081312 * b);
                }
            }
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
