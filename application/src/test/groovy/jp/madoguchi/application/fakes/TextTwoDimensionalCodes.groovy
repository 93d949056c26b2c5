package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.TwoDimensionalCodes

import java.nio.charset.StandardCharsets

/** A "code image" that is its text behind a marker, so specs can read back what would be printed (ZXing: adapters). */
class TextTwoDimensionalCodes implements TwoDimensionalCodes {

    static final String MARKER = 'QR:'

    @Override
    byte[] qrPng(String text, int size) {
        (MARKER + text).getBytes(StandardCharsets.UTF_8)
    }

    @Override
    Optional<String> decode(byte[] image) {
        String text = new String(image, StandardCharsets.UTF_8)
        text.startsWith(MARKER) ? Optional.of(text.substring(MARKER.length())) : Optional.empty()
    }
}
