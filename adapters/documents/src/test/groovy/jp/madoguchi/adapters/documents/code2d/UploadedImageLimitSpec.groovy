package jp.madoguchi.adapters.documents.code2d

import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.nio.ByteBuffer
import java.util.zip.CRC32

/** 画像の大きさ: 小さなファイルでも、画素数が上限を超えるものは、展開する前に断る。 */
class UploadedImageLimitSpec extends Specification {

    def zxing = new ZxingTwoDimensionalCodes()

    /** A PNG whose header claims {@code width}×{@code height}: a few dozen bytes that would decode to gigapixels. */
    static byte[] pngHeaderOnly(int width, int height) {
        def out = new ByteArrayOutputStream()
        out.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as byte[])
        def ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array()
        chunk(out, 'IHDR', ihdr)
        chunk(out, 'IDAT', [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01] as byte[])
        chunk(out, 'IEND', new byte[0])
        out.toByteArray()
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array())
        def crc = new CRC32()
        crc.update(type.bytes)
        crc.update(data)
        out.write(type.bytes)
        out.write(data)
        out.write(ByteBuffer.allocate(4).putInt((int) crc.value).array())
    }

    def "ヘッダが10億画素を名乗る小さなPNGは、展開せずに断る"() {
        given:
        def bomb = pngHeaderOnly(40_000, 40_000)

        expect:
        bomb.length < 100

        when:
        zxing.decode(bomb)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'code2d.too-large'
        refused.message.contains('40000×40000')
    }

    def "上限内の画像と、画像でないファイルはこれまでどおり"() {
        when: 'a 1920×1080 camera frame without a code: read, searched, nothing found'
        def frame = new java.awt.image.BufferedImage(1920, 1080, java.awt.image.BufferedImage.TYPE_INT_RGB)
        def png = new ByteArrayOutputStream()
        javax.imageio.ImageIO.write(frame, 'png', png)

        then:
        zxing.decode(png.toByteArray()).isEmpty()

        when:
        zxing.decode('not an image'.bytes)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'code2d.unreadable'
    }
}
