package jp.madoguchi.adapters.postgres.testing;

import jp.madoguchi.adapters.security.crypto.AesGcmSensitiveItems;
import jp.madoguchi.application.port.out.SensitiveItems;
import java.time.LocalDate;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.resident.Address;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.ForeignResidence;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.PersonName;
import jp.madoguchi.domain.resident.Relationship;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;
import jp.madoguchi.domain.resident.ResidentType;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Synthetic residents with the hard cases: an IVS name, a non-BMP name, a 不詳日, a foreigner with 通称. */
public final class Fixtures {

    public static final LocalGovernmentCode CITY = new LocalGovernmentCode("999997");
    public static final LocalGovernmentCode OTHER_CITY = LocalGovernmentCode.fromFiveDigits("99998");
    /** A valid 個人番号 that only tests use; a test scans outputs for it. */
    public static final String FIXTURE_INDIVIDUAL_NUMBER = "614106526000";

    private Fixtures() {
    }

    /** Sealing with a fixed test key (never used outside tests). */
    /** The real access history on {@code jdbi}, with checkpoints signed under a fixed test key. */
    public static jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail auditTrail(org.jdbi.v3.core.Jdbi jdbi) {
        return new jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail(jdbi, new jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal(new byte[32]));
    }

    public static SensitiveItems sensitiveItems() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return new AesGcmSensitiveItems(key);
    }

    public static Resident ivsResident(LocalGovernmentCode city, long serial) {
        return resident(city, serial, "葛\uDB40\uDD04西 花子", "カサイ ハナコ", WarekiDate.parse("昭和60年4月1日", EraTable.shipped()));
    }

    public static Resident nonBmpResident(LocalGovernmentCode city, long serial) {
        return resident(city, serial, "\uD842\uDFB7田 一郎", "ヨシダ イチロウ", WarekiDate.parse("平成元年1月8日", EraTable.shipped()));
    }

    public static Resident uncertainBirthResident(LocalGovernmentCode city, long serial) {
        return resident(city, serial, "窓口 昭子", "マドグチ アキコ", WarekiDate.parse("昭和20年頃", EraTable.shipped()));
    }

    public static Resident foreignResident(LocalGovernmentCode city, long serial) {
        return new Resident(city, AddresseeNumber.fromSerial(serial, 9), HouseholdNumber.fromSerial(serial, 9),
                ResidentType.FOREIGN, ResidentStatus.RESIDENT,
                PersonName.of("KIM YOUNGJA", "キム ヨンジャ").withAlias("金田 英子", "カネダ エイコ").withAlphabetName("KIM YOUNGJA"),
                WarekiDate.of(LocalDate.of(1975, 3, 3), EraTable.shipped()), Sex.FEMALE, Relationship.HEAD, "KIM YOUNGJA",
                address(city), null, null,
                new ForeignResidence("韓国", "特別永住者", null, "AB12345678CD", "2"), null);
    }

    public static Resident resident(LocalGovernmentCode city, long serial, String name, String kana, WarekiDate born) {
        return new Resident(city, AddresseeNumber.fromSerial(serial, 9), HouseholdNumber.fromSerial(serial, 9),
                ResidentType.JAPANESE, ResidentStatus.RESIDENT, PersonName.of(name, kana), born, Sex.FEMALE,
                Relationship.HEAD, name, address(city), "見本県みらい市本町一丁目1番", name, null,
                new IndividualNumber(FIXTURE_INDIVIDUAL_NUMBER));
    }

    public static Address address(LocalGovernmentCode city) {
        return new Address(new Address.AddressCode(city.value().substring(0, 5) + "001001"),
                new Address.PostalCode("9000101"), "見本県みらい市本町一丁目", "1番2号", "本町ハイツ101");
    }
}
