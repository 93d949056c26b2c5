package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.StaffRoles
import jp.madoguchi.application.port.out.StaffRoles.StaffRole
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.staff.Permission
import spock.lang.Specification

/** What every {@link StaffRoles} promises: one role per city and name, saved again it is replaced. */
abstract class StaffRolesContract extends Specification {

    static int cities = 0

    abstract StaffRoles roles()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(97000 + (cities++)))
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits(String.valueOf(96000 + (cities++)))

    def "役割は市ごとで、同じ名前で保存し直すと置き換わる（権限と担当課も）"() {
        when:
        roles().save(new StaffRole(city, 'KOKUHO_CLERK', '国保の窓口', [Permission.RECEPTION] as Set, 'HOKEN'))
        roles().save(new StaffRole(other, 'KOKUHO_CLERK', '他市の国保', [Permission.STATISTICS] as Set, ''))
        roles().save(new StaffRole(city, 'KOKUHO_CLERK', '国保・年金の窓口',
                [Permission.RECEPTION, Permission.RESIDENT_SEARCH] as Set, 'NENKIN'))

        then:
        with(roles().find(city, 'KOKUHO_CLERK').get()) {
            label() == '国保・年金の窓口'
            permissions() == [Permission.RECEPTION, Permission.RESIDENT_SEARCH] as Set
            department() == 'NENKIN'
        }
        roles().list(city)*.name() == ['KOKUHO_CLERK']
        roles().find(other, 'KOKUHO_CLERK').get().label() == '他市の国保'
        roles().find(city, 'NO_SUCH_ROLE').isEmpty()
    }
}
