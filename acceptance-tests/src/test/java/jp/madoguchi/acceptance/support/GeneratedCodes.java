package jp.madoguchi.acceptance.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * Reads a QR code the server drew (a data URI of a PNG on a page) the way a test has it: the image as generated,
 * not a photo of it. Read as a pure code with the thorough hints: without them ZXing's finder misses some perfect
 * codes now and then (a test failed on one), which would make a test fail for the reader, not the product.
 */
public final class GeneratedCodes {

    private GeneratedCodes() {
    }

    /** The text of the QR code in {@code dataUri} ({@code data:image/png;base64,...}). */
    public static String read(String dataUri) {
        return read(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)));
    }

    public static String read(byte[] png) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))),
                    Map.of(DecodeHintType.PURE_BARCODE, true, DecodeHintType.TRY_HARDER, true)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException e) {
            throw new IllegalStateException("QRコードを読めません", e);
        }
    }
}
