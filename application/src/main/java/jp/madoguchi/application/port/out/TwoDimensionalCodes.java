package jp.madoguchi.application.port.out;

import java.util.Optional;

/** QR codes: made for reception slips and pre-entry, read from camera or flatbed images and handheld scanners. */
public interface TwoDimensionalCodes {

    /** A PNG of {@code size}×{@code size} pixels. */
    byte[] qrPng(String text, int size);

    /**
     * Finds and decodes a 2D code in a camera or flatbed image (PNG, JPEG, BMP), tolerating blur, tilt, low contrast
     * and glare; empty when there is none that can be read.
     *
     * @throws IllegalArgumentException when the bytes are not an image at all
     */
    Optional<String> decode(byte[] image);

    /**
     * Text a handheld scanner typed as keystrokes (keyboard wedge): the trailing Enter, tabs and other control
     * characters go. Full-width characters stay: a certificate's addresses carry them on purpose.
     */
    static String fromKeyboardWedge(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            if (!Character.isISOControl(c)) {
                text.appendCodePoint(c);
            }
        });
        return text.toString().strip();
    }
}
