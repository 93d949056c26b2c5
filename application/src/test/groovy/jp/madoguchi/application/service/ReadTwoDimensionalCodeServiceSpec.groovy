package jp.madoguchi.application.service

import jp.madoguchi.application.port.out.TwoDimensionalCodes
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

/** カメラの画像から二次元コード: the frame is checked before it is decoded, and the text comes out as a scanner types it. */
class ReadTwoDimensionalCodeServiceSpec extends Specification {

    List<byte[]> decoded = []
    def codes = [decode: { byte[] image -> decoded << image; image.length == 3 ? Optional.of('MADOGUCHI:R:999997:20261205-0007\r\n') : Optional.empty() },
                 qrPng : { String text, int size -> new byte[0] }] as TwoDimensionalCodes
    def service = new ReadTwoDimensionalCodeService(codes)

    def "コードのある画像は文字に、ない画像は空に（読み取り中のふつうの状態）"() {
        expect: 'the Enter a scanner would add goes, as for the keyboard wedge'
        service.read([1, 2, 3] as byte[]) == Optional.of('MADOGUCHI:R:999997:20261205-0007')
        service.read([1, 2] as byte[]) == Optional.empty()
    }

    def "空の画像と大きすぎる画像は、デコードする前に理由を添えて断る"() {
        when:
        service.read(image)

        then:
        def refused = thrown(Rejection)
        refused.message == message
        decoded.isEmpty()

        where:
        image                                                          | message
        new byte[0]                                                    | 'カメラの画像が届きませんでした。もう一度お試しください。'
        new byte[ReadTwoDimensionalCodeService.LARGEST_FRAME + 1]      | '画像が大きすぎます（4MBまで）。'
    }
}
