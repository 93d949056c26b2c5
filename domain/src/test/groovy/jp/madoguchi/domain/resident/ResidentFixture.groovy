package jp.madoguchi.domain.resident

import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.shared.LocalGovernmentCode

/** Synthetic residents for the domain specs; any component can be overridden by name. */
class ResidentFixture {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('131016')

    static Resident japanese(Map overrides = [:]) {
        Map values = [
                city               : CITY,
                addresseeNumber    : AddresseeNumber.fromSerial('000012345'),
                householdNumber    : HouseholdNumber.fromSerial(500, 9),
                type               : ResidentType.JAPANESE,
                status             : ResidentStatus.RESIDENT,
                name               : PersonName.of('窓口 花子', 'マドグチ ハナコ'),
                birthDate          : WarekiDate.parse('昭和60年4月1日', EraTable.shipped()),
                sex                : Sex.FEMALE,
                relationship       : Relationship.HEAD,
                headOfHouseholdName: '窓口 花子',
                address            : new Address(new Address.AddressCode('13101001001'), new Address.PostalCode('1000001'),
                        '東京都千代田区千代田', '1番1号', 'サンプルハイツ101'),
                domicile           : '東京都千代田区千代田1番',
                domicileHead       : '窓口 花子',
                foreignResidence   : null,
                individualNumber   : null,
        ] + overrides
        new Resident(values.city, values.addresseeNumber, values.householdNumber, values.type, values.status,
                values.name, values.birthDate, values.sex, values.relationship, values.headOfHouseholdName,
                values.address, values.domicile, values.domicileHead, values.foreignResidence, values.individualNumber)
    }

    static Resident foreign(Map overrides = [:]) {
        japanese([type            : ResidentType.FOREIGN,
                  name            : PersonName.of('SMITH JOHN', 'スミス ジョン').withAlias('須美須 譲', 'スミス ジョウ'),
                  birthDate       : WarekiDate.parse('平成2年6月15日', EraTable.shipped()),
                  domicile        : null,
                  domicileHead    : null,
                  foreignResidence: new ForeignResidence('アメリカ合衆国', '技術・人文知識・国際業務',
                          java.time.LocalDate.of(2028, 3, 31), 'AB12345678CD', '1')] + overrides)
    }
}
