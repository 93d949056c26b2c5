package jp.madoguchi.application.port.in;

import java.util.Optional;

/**
 * 二次元コードを画像から読む: a frame from the counter's camera (a slip's QR, a pre-entry code on a phone) decoded on
 * the server, so the browser needs no decoding library and a city's camera needs no driver of its own.
 */
public interface ReadTwoDimensionalCodeUseCase {

    /**
     * The text of the 2D code in the image, or empty when the frame holds none that can be read (yet).
     *
     * @throws IllegalArgumentException when the bytes are not an image, or too large to be a camera frame
     */
    Optional<String> read(byte[] image);
}
