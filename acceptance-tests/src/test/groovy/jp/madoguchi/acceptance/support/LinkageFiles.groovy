package jp.madoguchi.acceptance.support

import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/** Forward-linkage files the core system would send, written into the running system's inbox and imported now. */
class LinkageFiles {

    static final List<String> MOVE_OUT_CERTIFICATE_COLUMNS = ['転出証明書番号', '転出元市区町村コード', '氏名', '氏名フリガナ',
            '生年月日', '性別', '続柄', '世帯主氏名', '旧住所', '転出先住所', '転出予定年月日', '個人番号', '本籍', '筆頭者']

    /** 001o009 転出証明書情報 (特例転入): one row per person, values in {@link #MOVE_OUT_CERTIFICATE_COLUMNS} order. */
    static void importMoveOutCertificates(RunningMadoguchi app, List<List<String>> rows, String stamp = '20261120000000') {
        Files.createDirectories(app.linkageInbox())
        Path file = app.linkageInbox().resolve("001o009_${stamp}_DIFF.csv")
        String header = (['処理区分'] + MOVE_OUT_CERTIFICATE_COLUMNS).collect { '"' + it + '"' }.join(',')
        String body = rows.collect { row -> (['1'] + row).collect { '"' + it + '"' }.join(',') }.join('\r\n')
        Files.writeString(file, header + '\r\n' + body + '\r\n', StandardCharsets.UTF_8)
        def imported = app.bean(ImportLinkageFilesUseCase).importConfigured(new LocalGovernmentCode('999997'),
                ImportLinkageFilesUseCase.ImportProgress.NONE, Operator.system('test-import'))
        assert imported.files().every { !it.refused() }
    }
}
