package jp.madoguchi.adapters.security.crypto

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** 鍵ファイル: 最初の1バイトから所有者だけが読め、できあがるまで名前に現れない。 */
class SecretFilesSpec extends Specification {

    @TempDir
    Path dir

    def "新しい鍵はフォルダ0700・ファイル0600で作られ、次からは同じ鍵を読む"() {
        given:
        def file = dir.resolve('secrets/data-key')

        when:
        def first = SecretFiles.readOrCreate(file, 32)

        then:
        Base64.decoder.decode(first).length == 32
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.parent)) == 'rwx------'
        SecretFiles.readOrCreate(file, 32) == first
        Files.list(file.parent).withCloseable { it.toList() } == [file]
    }

    def "置き換えも所有者だけが読めるまま、丸ごと入れ替わる"() {
        given:
        def file = dir.resolve('jwt-secret')
        Files.writeString(file, 'old')
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rw-r--r--'))

        when:
        SecretFiles.writePrivately(file, 'new')

        then:
        Files.readString(file) == 'new'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
    }
}
