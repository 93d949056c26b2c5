package jp.madoguchi.adapters.documents.code2d;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.shared.Rejection;

/**
 * QR codes with ZXing. Made with error correction M (survives a crease on a paper slip), UTF-8, a quiet zone of 2.
 * Read in passes from cheap to thorough, stopping at the first that decodes: the local-threshold binarizer copes
 * with glare and uneven light, the global one with low contrast, and a half-size copy with blur, where the
 * modules are smeared over several pixels.
 */
@Singleton
public class ZxingTwoDimensionalCodes implements TwoDimensionalCodes {

    private static final Map<DecodeHintType, Object> HINTS = hints(false);
    private static final Map<DecodeHintType, Object> THOROUGH = hints(true);

    @Override
    public byte[] qrPng(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new Rejection("code2d.unreadable", "QRコードを作成できません: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most pixels an image may have: a 600 dpi scan of an A4 page is 35 million. A file's header says its size
     * before anything is decoded, so a small file that would decode to gigapixels (a decompression bomb) is refused
     * without the memory it would take.
     */
    static final long MAX_PIXELS = 50_000_000L;

    @Override
    public Optional<String> decode(byte[] image) {
        return decode(bounded(image));
    }

    /** Decodes an uploaded image after checking, from its header, that its pixel count is within {@link #MAX_PIXELS}. */
    static BufferedImage bounded(byte[] image) {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                javax.imageio.ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    if (pixels > MAX_PIXELS) {
                        throw new Rejection("code2d.too-large", "画像が大きすぎます（" + reader.getWidth(0) + "×"
                                + reader.getHeight(0) + "）。5000万画素以下で撮り直すか、読み取りの解像度を下げてください");
                    }
                    BufferedImage picture = reader.read(0);
                    if (picture != null) {
                        return picture;
                    }
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException unreadable) {
            // said below, as for a file no reader recognises
        }
        throw new Rejection("code2d.unreadable", "画像として読み込めません（PNG・JPEG・BMP に対応しています）");
    }

    /** The passes, cheapest first; the half-size copy is made only when the full image did not decode. */
    public Optional<String> decode(BufferedImage picture) {
        LuminanceSource full = luminance(picture);
        Optional<String> text = attempt(full, false, HINTS).or(() -> attempt(full, true, HINTS));
        if (text.isPresent()) {
            return text;
        }
        LuminanceSource half = luminance(scaled(picture, 0.5));
        return attempt(half, false, HINTS)
                .or(() -> attempt(full, false, THOROUGH))
                .or(() -> attempt(half, true, THOROUGH))
                .or(() -> attempt(full.invert(), false, THOROUGH));
    }

    private static Optional<String> attempt(LuminanceSource source, boolean global, Map<DecodeHintType, Object> hints) {
        BinaryBitmap bitmap = new BinaryBitmap(global ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException e) {
            // not found, or found but damaged beyond its error correction at this pass: a later pass may do better
            return Optional.empty();
        }
    }

    /**
     * The image's brightness, read straight from its pixel array for the usual camera and scanner types: the general
     * route through {@code getRGB} costs about as much again as finding the code in a 1080p frame.
     */
    static LuminanceSource luminance(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        byte[] y = new byte[width * height];
        int type = picture.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            int[] pixels = ((java.awt.image.DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < y.length; i++) {
                int p = pixels[i];
                // ITU-R BT.601 weights in integers: (77 R + 150 G + 29 B) / 256
                y[i] = (byte) ((77 * ((p >> 16) & 0xFF) + 150 * ((p >> 8) & 0xFF) + 29 * (p & 0xFF)) >> 8);
            }
        } else if (type == BufferedImage.TYPE_BYTE_GRAY) {
            System.arraycopy(((java.awt.image.DataBufferByte) picture.getRaster().getDataBuffer()).getData(), 0, y, 0, y.length);
        } else {
            return new BufferedImageLuminanceSource(picture);
        }
        return new PlanarYUVLuminanceSource(y, width, height, 0, 0, width, height, false);
    }

    private static BufferedImage scaled(BufferedImage source, double factor) {
        int width = Math.max(1, (int) (source.getWidth() * factor));
        int height = Math.max(1, (int) (source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    private static Map<DecodeHintType, Object> hints(boolean thorough) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        if (thorough) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return Map.copyOf(hints);
    }
}
