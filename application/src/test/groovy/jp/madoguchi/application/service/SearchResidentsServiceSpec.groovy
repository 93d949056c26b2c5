package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems
import jp.madoguchi.application.port.in.SearchResidentsUseCase.KanaMatch
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.Rejection

import java.time.LocalDate

/** 住民検索と4情報照合: 氏名45・住所25・生年月日20・性別10の重みで候補を並べ、検索したことを記録する（検索語は記録しない）。 */
class SearchResidentsServiceSpec extends CounterFixture {

    def search = new SearchResidentsService(registry, trail, clock)

    def setup() {
        registry.store([resident(1, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1985, 4, 1)),
                        resident(2, '見本　花子', 'ミホン　ハナコ', LocalDate.of(1990, 1, 1)),
                        resident(3, '葛西　次郎', 'カサイ　ジロウ', LocalDate.of(1985, 4, 1))])
    }

    def "4情報がすべて合う人が一番上で一致、一部だけ合う人は点数の順に候補になる"() {
        when:
        def candidates = search.byFourItems(CITY, new FourItems('見本 花子', '見本県みらい市本町一丁目1番2号',
                LocalDate.of(1985, 4, 1), Sex.FEMALE), CLERK)

        then:
        candidates*.resident()*.addresseeNumber() == [resident(1), resident(2), resident(3)]*.addresseeNumber()
        candidates*.score() == [100, 80, 55]
        candidates*.exact() == [true, false, false]
        with(trail.of(AuditAction.SEARCH_RESIDENTS).last()) {
            residents() == [resident(1), resident(2), resident(3)]*.addresseeNumber()*.value()
            !detail().contains('花子')
        }
    }

    def "性別を載せない運転免許証: 氏名・住所・生年月日が合えば一致、性別で点を落とさない"() {
        when:
        def candidates = search.byFourItems(CITY, new FourItems('見本 花子', '見本県みらい市本町一丁目1番2号',
                LocalDate.of(1985, 4, 1), null), CLERK)

        then:
        candidates*.score() == [100, 80, 55]
        candidates*.exact() == [true, false, false]

        and: 'a stated sex that differs still counts against'
        search.byFourItems(CITY, new FourItems('見本 花子', '見本県みらい市本町一丁目1番2号', LocalDate.of(1985, 4, 1), Sex.MALE),
                CLERK)*.exact() == [false, false, false]
    }

    def "氏名だけ合えば候補（45点）、氏名が合わず生年月日と性別だけ（30点）なら候補にしない"() {
        expect:
        search.byFourItems(CITY, new FourItems('見本花子', '見本県となり市', LocalDate.of(2000, 1, 1), Sex.MALE), CLERK)*.score() == [45, 45]
        search.byFourItems(CITY, new FourItems('誰　でもない', '見本県となり市', LocalDate.of(1985, 4, 1), Sex.FEMALE), CLERK).isEmpty()
    }

    def "フリガナの前方一致と、生年月日での検索"() {
        expect:
        search.byKana(CITY, 'ミホン', KanaMatch.PREFIX, CLERK).size() == 2
        search.byKana(CITY, 'カサイ', KanaMatch.PREFIX, CLERK)*.name()*.name() == ['葛西　次郎']
        search.byBirthDate(CITY, LocalDate.of(1985, 4, 1), CLERK).size() == 2
        trail.of(AuditAction.SEARCH_RESIDENTS).size() == 3
    }
}
