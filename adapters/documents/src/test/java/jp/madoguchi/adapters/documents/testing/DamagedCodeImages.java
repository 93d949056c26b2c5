package jp.madoguchi.adapters.documents.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A fixed, seeded set of camera-like pictures of a QR code: placed on a 1920×1080 or smaller frame, tilted, blurred,
 * washed out to low contrast and partly covered by glare, in combinations. Used by the decoding test and the
 * benchmark, so both speak of the same images.
 */
public final class DamagedCodeImages {

    public record Damaged(String description, BufferedImage image) {
    }

    private DamagedCodeImages() {
    }

    public static BufferedImage qr(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, java.util.Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 4));
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A clean 1920×1080 camera frame with the code somewhere on a grey desk. */
    public static BufferedImage frame(String text, long seed) {
        Random random = new Random(seed);
        BufferedImage frame = canvas(1920, 1080, new Color(150, 145, 140));
        BufferedImage code = qr(text, 420);
        Graphics2D g = frame.createGraphics();
        g.drawImage(code, 200 + random.nextInt(1200), 100 + random.nextInt(500), null);
        g.dispose();
        return frame;
    }

    public static List<Damaged> set(String text, int count, long seed) {
        Random random = new Random(seed);
        List<Damaged> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = i % 2 == 0 ? 1920 : 1280;
            int height = i % 2 == 0 ? 1080 : 720;
            double tilt = (random.nextDouble() * 2 - 1) * 25;
            int blur = i % 4 == 1 ? 1 + random.nextInt(2) : 0;
            boolean lowContrast = i % 3 == 2;
            boolean glare = i % 5 == 3;
            images.add(new Damaged(String.format("#%d 傾き%.0f° ぼけ%d%s%s", i, tilt, blur, lowContrast ? " 低コントラスト" : "",
                    glare ? " 反射" : ""), damage(qr(text, 360 + random.nextInt(200)), width, height, tilt, blur, lowContrast, glare, random)));
        }
        return images;
    }

    private static BufferedImage damage(BufferedImage code, int width, int height, double tilt, int blur, boolean lowContrast,
                                        boolean glare, Random random) {
        BufferedImage frame = canvas(width, height, new Color(140 + random.nextInt(40), 140, 135));
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int x = random.nextInt(Math.max(1, width - code.getWidth() - 100)) + 50;
        int y = random.nextInt(Math.max(1, height - code.getHeight() - 100)) + 50;
        g.rotate(Math.toRadians(tilt), x + code.getWidth() / 2.0, y + code.getHeight() / 2.0);
        g.drawImage(code, x, y, null);
        g.dispose();
        BufferedImage out = frame;
        if (blur > 0) {
            int size = blur * 2 + 1;
            float[] kernel = new float[size * size];
            Arrays.fill(kernel, 1f / kernel.length);
            out = new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(out, null);
        }
        if (lowContrast) {
            for (int py = 0; py < out.getHeight(); py++) {
                for (int px = 0; px < out.getWidth(); px++) {
                    int v = out.getRGB(px, py) & 0xFF;
                    int w = 95 + v * 80 / 255; // black → 95, white → 175
                    out.setRGB(px, py, new Color(w, w, w).getRGB());
                }
            }
        }
        if (glare) {
            Graphics2D light = out.createGraphics();
            float cx = x + code.getWidth() * (0.2f + random.nextFloat() * 0.6f);
            float cy = y + code.getHeight() * (0.2f + random.nextFloat() * 0.6f);
            light.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), code.getWidth() / 5f, new float[]{0f, 1f},
                    new Color[]{new Color(255, 255, 255, 150), new Color(255, 255, 255, 0)}));
            light.fillRect(0, 0, out.getWidth(), out.getHeight());
            light.dispose();
        }
        return out;
    }

    private static BufferedImage canvas(int width, int height, Color background) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
