package jp.madoguchi.application.service;

import java.util.Arrays;

import jp.madoguchi.domain.shared.Rejection;

/** A signature drawn on a tablet, as the browser sends it: a PNG, big enough for a hand, small enough for a form row. */
final class SignatureImages {

    private static final int MAX_BYTES = 512 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private SignatureImages() {
    }

    static void requirePng(byte[] png) {
        if (png == null || png.length < 8 || png.length > MAX_BYTES || !Arrays.equals(Arrays.copyOf(png, 4), PNG_MAGIC)) {
            throw new Rejection("signature.unreadable", "署名の画像を受け取れませんでした。もう一度署名してください");
        }
    }
}
