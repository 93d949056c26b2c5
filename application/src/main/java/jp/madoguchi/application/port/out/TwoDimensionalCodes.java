package jp.madoguchi.application.port.out;

/** Makes 2D codes (QR) as images. */
public interface TwoDimensionalCodes {

    /** A PNG of a QR code holding {@code text}, about {@code size} pixels square. */
    byte[] qrPng(String text, int size);
}
