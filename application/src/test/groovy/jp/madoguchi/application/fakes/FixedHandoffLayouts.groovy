package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.HandoffLayouts
import jp.madoguchi.domain.handoff.CodeLists
import jp.madoguchi.domain.handoff.HandoffLayout
import jp.madoguchi.domain.handoff.HandoffLayoutText

/**
 * Small layouts over the fake dictionary ({@link TextFormRendering#DICTIONARY}): a certificate request per
 * procedure, a 異動 row per household member with the 続柄 as a code, the card face, and a 国保 record.
 */
class FixedHandoffLayouts implements HandoffLayouts {

    static final String CERTIFICATES = '''
レイアウト: CERTIFICATE_REQUEST
名称: 証明書等交付申請データ
手続: RESIDENT_CERTIFICATE, SEAL_CERTIFICATE
単位: 手続ごと
列: 市区町村 = 地方公共団体コード
列: 受付番号 = 受付番号
列: 証明書 = 手続名
列: 範囲 = 請求の範囲
列: 通数 = 通数 [0埋め 2]
列: 氏名 = 氏名
列: 生年月日 = 生年月日 [西暦8桁]
'''

    static final String MOVES = '''
レイアウト: RESIDENT_MOVE
名称: 住民異動届データ
手続: MOVE_IN_NOTIFICATION
単位: 世帯員ごと
列: 受付番号 = 受付番号
列: 氏名 = 氏名
列: 続柄 = 続柄 [コード 続柄]
列: 異動日 = 異動年月日 [西暦]
列: 異動日和暦 = 異動年月日 [和暦]
'''

    static final String CARD_FACE = '''
レイアウト: CARD_FACE
名称: 券面事項
手続: CARD_FACE_CHANGE
単位: 手続ごと
送り先: folder
列: 氏名 = 氏名
列: 個人番号 = 個人番号 [封緘]
'''

    static final String NHI = '''
レイアウト: NHI_ENROLMENT
名称: 国民健康保険の資格取得
手続: NHI_ENROLMENT
単位: 手続ごと
列: 受付番号 = 受付番号
列: 担当課 = 担当課
列: 氏名 = 氏名
列: 完了日時 = 完了日時
'''

    static final CodeLists CODES = new CodeLists(['続柄': ['世帯主': '02', '妻': '03', '子': '04']])

    List<String> texts = [CERTIFICATES, MOVES, CARD_FACE, NHI]

    @Override
    List<HandoffLayout> all() {
        texts.collect { HandoffLayoutText.parse(it, TextFormRendering.DICTIONARY.all()*.key() as Set, CODES) }
    }

    @Override
    CodeLists codes() {
        CODES
    }
}
