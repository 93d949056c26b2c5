package jp.madoguchi.application.service;

import java.util.Optional;

import jp.madoguchi.application.port.in.ReadTwoDimensionalCodeUseCase;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.shared.Rejection;

public final class ReadTwoDimensionalCodeService implements ReadTwoDimensionalCodeUseCase {

    /** A camera frame as the page sends it (a PNG of at most 1280×960) stays well under this. */
    static final int LARGEST_FRAME = 4 * 1024 * 1024;

    private final TwoDimensionalCodes codes;

    public ReadTwoDimensionalCodeService(TwoDimensionalCodes codes) {
        this.codes = codes;
    }

    @Override
    public Optional<String> read(byte[] image) {
        if (image == null || image.length == 0) {
            throw new Rejection("code.image-missing", "カメラの画像が届きませんでした。もう一度お試しください。");
        }
        if (image.length > LARGEST_FRAME) {
            throw new Rejection("code.image-too-large", "画像が大きすぎます（4MBまで）。");
        }
        return codes.decode(image).map(TwoDimensionalCodes::fromKeyboardWedge);
    }
}
