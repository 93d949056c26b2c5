package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.FixedProcedureCatalogue

/** 手続の一覧: 記載台には記載台で選べる手続だけ、窓口と管理にはすべて。 */
class ListProceduresServiceSpec extends spock.lang.Specification {

    def list = new ListProceduresService(new FixedProcedureCatalogue())

    def "記載台の一覧には、記載台で受け付けない手続（児童手当）が出ない"() {
        expect:
        list.all()*.code() == ['RESIDENT_CERTIFICATE', 'MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT']
        list.everything()*.code().contains('CHILD_ALLOWANCE_CLAIM')
        !list.all()*.code().contains('CHILD_ALLOWANCE_CLAIM')
        list.departments()*.code() == ['SHIMIN', 'HOKEN', 'KOSODATE']
    }
}
