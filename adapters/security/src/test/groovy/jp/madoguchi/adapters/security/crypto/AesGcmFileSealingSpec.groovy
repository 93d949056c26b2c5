package jp.madoguchi.adapters.security.crypto

import spock.lang.Specification

/** 保管する連携ファイルの暗号化: 1 MiB ごとの AES-256-GCM。どんな大きさでも流したまま開け、改変・切り詰めは開かない。 */
class AesGcmFileSealingSpec extends Specification {

    static final byte[] KEY = (0..<32).collect { (byte) (it * 13 + 1) } as byte[]
    static final int MIB = 1 << 20
    def sealing = new AesGcmFileSealing(KEY)

    def "封をした内容は同じ鍵で元どおりに開き、平文はどこにも残らない（#size バイト）"() {
        given:
        byte[] plain = content(size)

        when:
        byte[] sealed = seal(plain)

        then:
        open(sealed) == plain
        size < 32 || !new String(sealed, 'ISO-8859-1').contains(new String(plain, 0, 32, 'ISO-8859-1'))

        where:
        size << [0, 1, 100, MIB - 1, MIB, MIB + 1, 3 * MIB + 5]
    }

    def "1バイトの改変、切り詰め、継ぎ足し、区切りの入れ替え、別の鍵では開かない"() {
        given:
        byte[] sealed = seal(content(2 * MIB + 10))

        when:
        open(broken(sealed))

        then:
        thrown(IOException)

        where:
        broken << [
                { byte[] s -> s[20] ^= 1; s },                                                  // the first segment
                { byte[] s -> s[s.length - 3] ^= 1; s },                                        // the last one's tag
                { byte[] s -> Arrays.copyOf(s, 15 + 2 * (MIB + 16)) },                          // cut after two whole segments
                { byte[] s -> Arrays.copyOf(s, s.length - 1) },                                 // one byte short
                { byte[] s -> (s as List) + ([0, 0, 0, 0] as List) as byte[] },                 // lengthened
                { byte[] s -> swapFirstTwoSegments(s) },
                { byte[] s -> s[0] = (byte) 'X'; s },                                           // not our format
        ]
    }

    def "別の鍵では開かない"() {
        given:
        byte[] other = KEY.clone()
        other[31] ^= 1

        when:
        new AesGcmFileSealing(other).opening(new ByteArrayInputStream(seal(content(10)))).readAllBytes()

        then:
        thrown(IOException)
    }

    def "同じ内容でも封をするたびに違うバイトになる"() {
        expect:
        seal(content(1000)) != seal(content(1000))
    }

    private byte[] seal(byte[] plain) {
        def out = new ByteArrayOutputStream()
        sealing.sealing(out).withCloseable { it.write(plain) }
        out.toByteArray()
    }

    private byte[] open(byte[] sealed) {
        sealing.opening(new ByteArrayInputStream(sealed)).withCloseable { it.readAllBytes() }
    }

    private static byte[] content(int size) {
        def random = new Random(size)
        byte[] bytes = new byte[size]
        random.nextBytes(bytes)
        bytes
    }

    private static byte[] swapFirstTwoSegments(byte[] s) {
        int header = 15
        int segment = MIB + 16
        byte[] swapped = s.clone()
        System.arraycopy(s, header + segment, swapped, header, segment)
        System.arraycopy(s, header, swapped, header + segment, segment)
        swapped
    }
}
