package jp.madoguchi.adapters.linkage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.madoguchi.adapters.linkage.ReplicaDataset.Context;
import jp.madoguchi.application.port.out.SensitiveItems.Place;
import jp.madoguchi.adapters.linkage.ReplicaDataset.Values;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.resident.Address;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.ForeignResidence;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.MatchKey;
import jp.madoguchi.domain.resident.PersonName;
import jp.madoguchi.domain.resident.Relationship;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;
import jp.madoguchi.domain.resident.ResidentType;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The nine forward-linkage datasets of docs/architecture.md, forward linkage and how each row becomes a replica row. Rows pass through the
 * domain's own value types (宛名番号 check digits, 続柄 vocabulary, 個人番号 check digit, 和暦), so the replica
 * only ever holds what the domain can read back.
 */
final class ReplicaDatasets {

    static final String INDIVIDUAL_NUMBER = "個人番号";
    static final String RESIDENT_RECORD_CODE = "住民票コード";
    static final String BASIC_PENSION_NUMBER = "基礎年金番号";

    private static final Map<String, ReplicaDataset> BY_ID = Stream.of(
            residents(), movements(), moveOutCertificates(), cardStatus(), longTermCare(), healthInsurance(),
            lateStageElderly(), pension(), childAllowance()
    ).collect(Collectors.toUnmodifiableMap(ReplicaDataset::linkageId, Function.identity()));

    private ReplicaDatasets() {
    }

    static Optional<ReplicaDataset> byId(String linkageId) {
        return Optional.ofNullable(BY_ID.get(linkageId));
    }

    static List<ReplicaDataset> all() {
        return BY_ID.values().stream().sorted(java.util.Comparator.comparing(ReplicaDataset::linkageId)).toList();
    }

    private static ReplicaDataset residents() {
        return new ReplicaDataset("001o005", "住民基本情報", "resident",
                List.of("処理区分", "宛名番号", "世帯番号", "住民種別", "住民状態", "氏名", "氏名フリガナ", "旧氏", "旧氏フリガナ",
                        "通称", "通称フリガナ", "氏名英字", "生年月日", "生年月日_表記", "性別", "続柄", "世帯主氏名", "郵便番号",
                        "住所コード", "住所", "番地", "方書", "本籍", "筆頭者", "住民となった年月日", "住所を定めた年月日",
                        "届出年月日", "異動事由", "異動年月日", "転出先住所", "転出予定年月日", INDIVIDUAL_NUMBER,
                        RESIDENT_RECORD_CODE, "国籍・地域", "在留資格", "在留期間満了日", "在留カード等番号", "法30条の45区分",
                        "更新日時"),
                List.of("宛名番号"), List.of("addressee_number"), Set.of(INDIVIDUAL_NUMBER, RESIDENT_RECORD_CODE),
                Set.of("宛名番号", "世帯番号", "住民種別", "住民状態", "氏名", "性別", "続柄", "住所"),
                List.of("city_code", "addressee_number", "household_number", "resident_type", "status", "name",
                        "name_kana", "former_surname", "former_surname_kana", "alias", "alias_kana", "alphabet_name",
                        "name_key", "kana_key", "birth_era", "birth_year", "birth_month", "birth_day", "birth_notation",
                        "birth_date", "sex", "relationship", "head_of_household_name", "address_code", "postal_code",
                        "address_town", "address_lot", "address_apartment", "domicile", "domicile_head",
                        "became_resident_on", "address_fixed_on", "notified_on", "movement_reason", "moved_on",
                        "moved_out_to", "move_out_planned_on", "individual_number_sealed", "individual_number_key",
                        "resident_record_code_sealed", "resident_record_code_key", "nationality", "residence_status",
                        "period_of_stay_ends", "residence_card_number", "article30_45_category", "source_updated_at"),
                ReplicaDatasets::resident);
    }

    private static boolean resident(LinkageRow row, Values out, Context context) {
        AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
        HouseholdNumber household = row.valid("世帯番号", HouseholdNumber::new);
        ResidentType type = row.valid("住民種別", ResidentType::fromCode);
        ResidentStatus status = row.valid("住民状態", ResidentStatus::fromCode);
        Sex sex = row.valid("性別", Sex::fromCode);
        Relationship relationship = validText(row, "続柄", Relationship::parse);
        WarekiDate born = birthDate(row, context);
        IndividualNumber individualNumber = row.valid(INDIVIDUAL_NUMBER, IndividualNumber::new);
        Address address = null;
        try {
            String code = row.value("住所コード");
            String postal = row.value("郵便番号");
            address = new Address(code == null ? null : new Address.AddressCode(code),
                    postal == null ? null : new Address.PostalCode(postal), row.text("住所"), row.text("番地"), row.text("方書"));
        } catch (IllegalArgumentException e) {
            row.problem("住所", e.getMessage());
        }
        PersonName name = null;
        try {
            name = new PersonName(row.text("氏名"), row.text("氏名フリガナ"), row.text("旧氏"), row.text("旧氏フリガナ"),
                    row.text("通称"), row.text("通称フリガナ"), row.text("氏名英字"));
        } catch (IllegalArgumentException e) {
            row.problem("氏名", e.getMessage());
        }
        ForeignResidence foreign = null;
        if (type == ResidentType.FOREIGN) {
            try {
                foreign = new ForeignResidence(row.text("国籍・地域"), row.text("在留資格"), row.date("在留期間満了日"),
                        row.text("在留カード等番号"), row.text("法30条の45区分"));
            } catch (IllegalArgumentException e) {
                row.problem("国籍・地域", e.getMessage());
            }
        }
        if (!row.clean()) {
            return false;
        }
        Resident resident;
        try {
            resident = new Resident(new LocalGovernmentCode(context.city()), number, household, type, status, name, born,
                    sex, relationship, row.text("世帯主氏名"), address, row.text("本籍"), row.text("筆頭者"), foreign,
                    individualNumber);
        } catch (IllegalArgumentException | NullPointerException e) {
            row.problem("", e.getMessage());
            return false;
        }
        String individual = individualNumber == null ? null : individualNumber.reveal();
        String recordCode = row.value(RESIDENT_RECORD_CODE);
        out.put(context.city()).put(number.value()).put(household.value()).put(type.code()).put(status.code())
                .put(name.name()).put(name.nameKana()).put(name.formerSurname()).put(name.formerSurnameKana())
                .put(name.alias()).put(name.aliasKana()).put(name.alphabetName())
                .put(MatchKey.nameOf(name)).put(MatchKey.kanaOf(name))
                .put(born.era() == null ? null : born.era().name()).put(born.year()).put(born.month()).put(born.day())
                .put(born.notation()).put(born.toLocalDate().orElse(null))
                .put(sex.code()).put(relationship.label()).put(resident.headOfHouseholdName())
                .put(address.code() == null ? null : address.code().value())
                .put(address.postalCode() == null ? null : address.postalCode().value())
                .put(address.town()).put(address.lot()).put(address.apartment())
                .put(resident.domicile()).put(resident.domicileHead())
                .put(row.date("住民となった年月日")).put(row.date("住所を定めた年月日")).put(row.date("届出年月日"))
                .put(row.text("異動事由")).put(row.date("異動年月日")).put(row.text("転出先住所")).put(row.date("転出予定年月日"));
        sealed(out, context, INDIVIDUAL_NUMBER, Place.ofResident("resident", "individual_number_sealed", context.city(), number.value()), individual);
        sealed(out, context, RESIDENT_RECORD_CODE, Place.ofResident("resident", "resident_record_code_sealed", context.city(), number.value()), recordCode);
        out.put(foreign == null ? null : foreign.nationality()).put(foreign == null ? null : foreign.residenceStatus())
                .put(foreign == null ? null : foreign.periodOfStayEnds())
                .put(foreign == null ? null : foreign.residenceCardNumber())
                .put(foreign == null ? null : foreign.article30_45Category())
                .put(row.value("更新日時"));
        return true;
    }

    /**
     * 生年月日: an exact date from the date column; a 不詳日 from the {@code _表記} companion (with the known parts of
     * a {@code GYYMMDD} code when the layout uses one). Both empty is a problem: the registry always says something.
     */
    private static WarekiDate birthDate(LinkageRow row, Context context) {
        String notation = row.text("生年月日_表記");
        LocalDate date = row.date("生年月日");
        String code = row.text("生年月日");
        try {
            if (notation != null) {
                if (code != null && code.length() == 7 && LinkageRow.isDigits(code) && code.charAt(0) != '0') {
                    return WarekiDate.fromLegacyCode(code, notation, context.eras());
                }
                return WarekiDate.parse(notation, context.eras());
            }
            if (date != null) {
                return WarekiDate.of(date, context.eras());
            }
            if (code == null) {
                row.problem("生年月日", "生年月日も生年月日_表記も空です（不詳のときは表記を入れてください）");
            }
        } catch (IllegalArgumentException e) {
            row.problem("生年月日", e.getMessage());
        }
        return null;
    }

    private static <T> T validText(LinkageRow row, String item, Function<String, T> factory) {
        String text = row.text(item);
        if (text == null) {
            return null;
        }
        try {
            return factory.apply(text);
        } catch (IllegalArgumentException e) {
            row.problem(item, e.getMessage());
            return null;
        }
    }

    /** The sealed value, bound to the row it goes into, and its lookup key. */
    private static void sealed(Values out, Context context, String item, Place place, String value) {
        if (value == null) {
            out.put(null).put(null);
        } else {
            out.put(context.sensitive().seal(item, place, value)).put(context.sensitive().lookupKey(item, value));
        }
    }

    private static ReplicaDataset movements() {
        return new ReplicaDataset("001o007", "異動履歴", "resident_movement",
                List.of("処理区分", "宛名番号", "異動連番", "異動事由", "異動年月日", "届出年月日", "前住所", "新住所", "前世帯番号",
                        "新世帯番号", "備考"),
                List.of("宛名番号", "異動連番"), List.of("addressee_number", "seq"), Set.of(), Set.of("宛名番号", "異動連番"),
                List.of("city_code", "addressee_number", "seq", "reason", "moved_on", "notified_on", "previous_address",
                        "new_address", "previous_household", "new_household", "remarks"),
                (row, out, context) -> {
                    AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
                    Integer seq = row.valid("異動連番", Integer::valueOf);
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(number.value()).put(seq).put(row.text("異動事由"))
                            .put(row.date("異動年月日")).put(row.date("届出年月日")).put(row.text("前住所"))
                            .put(row.text("新住所")).put(row.value("前世帯番号")).put(row.value("新世帯番号"))
                            .put(row.text("備考"));
                    return true;
                });
    }

    private static ReplicaDataset moveOutCertificates() {
        return new ReplicaDataset("001o009", "転出証明書情報", "move_out_certificate",
                List.of("処理区分", "転出証明書番号", "転出元市区町村コード", "氏名", "氏名フリガナ", "生年月日", "生年月日_表記", "性別",
                        "続柄", "世帯主氏名", "旧住所", "転出先住所", "転出予定年月日", RESIDENT_RECORD_CODE, INDIVIDUAL_NUMBER,
                        "本籍", "筆頭者", "国保", "後期高齢", "介護", "国民年金", "児童手当"),
                List.of("転出証明書番号"), List.of("certificate_number"), Set.of(INDIVIDUAL_NUMBER, RESIDENT_RECORD_CODE),
                Set.of("転出証明書番号", "転出元市区町村コード", "氏名", "性別"),
                List.of("city_code", "certificate_number", "from_city_code", "name", "name_kana", "name_key", "birth_date",
                        "birth_notation", "sex", "relationship", "head_of_household_name", "previous_address",
                        "destination_address", "move_out_planned_on", "resident_record_code_sealed",
                        "resident_record_code_key", "individual_number_sealed", "individual_number_key", "domicile",
                        "domicile_head", "national_health_insurance", "late_stage_elderly", "long_term_care",
                        "national_pension", "child_allowance"),
                (row, out, context) -> {
                    Sex sex = row.valid("性別", Sex::fromCode);
                    IndividualNumber individual = row.valid(INDIVIDUAL_NUMBER, IndividualNumber::new);
                    validText(row, "続柄", Relationship::parse);
                    if (row.date("生年月日") == null && row.text("生年月日_表記") == null) {
                        row.problem("生年月日", "生年月日も生年月日_表記も空です");
                    }
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(row.text("転出証明書番号")).put(row.value("転出元市区町村コード"))
                            .put(row.text("氏名")).put(row.text("氏名フリガナ")).put(MatchKey.name(row.text("氏名")))
                            .put(row.date("生年月日")).put(row.text("生年月日_表記")).put(sex.code()).put(row.text("続柄"))
                            .put(row.text("世帯主氏名")).put(row.text("旧住所")).put(row.text("転出先住所"))
                            .put(row.date("転出予定年月日"));
                    String certificate = context.city() + "/" + row.text("転出証明書番号");
                    sealed(out, context, RESIDENT_RECORD_CODE, new Place("move_out_certificate", "resident_record_code_sealed", certificate),
                            row.value(RESIDENT_RECORD_CODE));
                    sealed(out, context, INDIVIDUAL_NUMBER, new Place("move_out_certificate", "individual_number_sealed", certificate),
                            individual == null ? null : individual.reveal());
                    out.put(row.text("本籍")).put(row.text("筆頭者")).put(row.value("国保")).put(row.value("後期高齢"))
                            .put(row.value("介護")).put(row.value("国民年金")).put(row.value("児童手当"));
                    return true;
                });
    }

    private static ReplicaDataset cardStatus() {
        return new ReplicaDataset("001o013", "カード・印鑑登録の状況", "card_status",
                List.of("処理区分", "宛名番号", "個人番号カード交付", "カード有効期限", "署名用電子証明書有効期限",
                        "利用者証明用電子証明書有効期限", "印鑑登録", "印鑑登録番号"),
                List.of("宛名番号"), List.of("addressee_number"), Set.of(), Set.of("宛名番号", "個人番号カード交付", "印鑑登録"),
                List.of("city_code", "addressee_number", "card_issued", "card_expires", "signing_certificate_expires",
                        "authentication_certificate_expires", "seal_registered", "seal_registration_number"),
                (row, out, context) -> {
                    AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(number.value()).put("1".equals(row.value("個人番号カード交付")))
                            .put(row.date("カード有効期限")).put(row.date("署名用電子証明書有効期限"))
                            .put(row.date("利用者証明用電子証明書有効期限")).put("1".equals(row.value("印鑑登録")))
                            .put(row.text("印鑑登録番号"));
                    return true;
                });
    }

    private static ReplicaDataset longTermCare() {
        return insurance("023o002", "介護保険 資格", "long_term_care_insurance", "被保険者番号", "要介護状態区分");
    }

    private static ReplicaDataset healthInsurance() {
        return new ReplicaDataset("024o007", "国民健康保険 資格", "national_health_insurance",
                List.of("処理区分", "宛名番号", "国保世帯番号", "記号番号", "資格取得年月日", "資格喪失年月日"),
                List.of("宛名番号"), List.of("addressee_number"), Set.of(), Set.of("宛名番号"),
                List.of("city_code", "addressee_number", "nhi_household_number", "symbol_number", "acquired_on", "lost_on"),
                (row, out, context) -> {
                    AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
                    checkPeriod(row);
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(number.value()).put(row.value("国保世帯番号")).put(row.text("記号番号"))
                            .put(row.date("資格取得年月日")).put(row.date("資格喪失年月日"));
                    return true;
                });
    }

    private static ReplicaDataset lateStageElderly() {
        return insurance("025o005", "後期高齢者医療 資格", "late_stage_elderly_insurance", "被保険者番号", null);
    }

    /** 介護 and 後期高齢: 宛名番号, 被保険者番号, the period, and for 介護 the 要介護状態区分. */
    private static ReplicaDataset insurance(String id, String title, String table, String insuredItem, String detailItem) {
        List<String> items = new java.util.ArrayList<>(List.of("処理区分", "宛名番号", insuredItem, "資格取得年月日", "資格喪失年月日"));
        List<String> columns = new java.util.ArrayList<>(List.of("city_code", "addressee_number", "insured_number", "acquired_on", "lost_on"));
        if (detailItem != null) {
            items.add(detailItem);
            columns.add("care_level");
        }
        return new ReplicaDataset(id, title, table, items, List.of("宛名番号"), List.of("addressee_number"), Set.of(),
                Set.of("宛名番号"), columns,
                (row, out, context) -> {
                    AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
                    checkPeriod(row);
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(number.value()).put(row.text(insuredItem)).put(row.date("資格取得年月日"))
                            .put(row.date("資格喪失年月日"));
                    if (detailItem != null) {
                        out.put(row.text(detailItem));
                    }
                    return true;
                });
    }

    private static void checkPeriod(LinkageRow row) {
        LocalDate from = row.date("資格取得年月日");
        LocalDate until = row.date("資格喪失年月日");
        if (from != null && until != null && until.isBefore(from)) {
            row.problem("資格喪失年月日", "資格喪失年月日が資格取得年月日より前です");
        }
    }

    private static ReplicaDataset pension() {
        return new ReplicaDataset("026o001", "国民年金 資格", "national_pension",
                List.of("処理区分", "宛名番号", BASIC_PENSION_NUMBER, "種別", "資格取得年月日", "資格喪失年月日"),
                List.of("宛名番号"), List.of("addressee_number"), Set.of(BASIC_PENSION_NUMBER), Set.of("宛名番号", "種別"),
                List.of("city_code", "addressee_number", "basic_pension_number_sealed", "basic_pension_number_key",
                        "category", "acquired_on", "lost_on"),
                (row, out, context) -> {
                    AddresseeNumber number = row.valid("宛名番号", AddresseeNumber::new);
                    checkPeriod(row);
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(number.value());
                    sealed(out, context, BASIC_PENSION_NUMBER,
                            Place.ofResident("national_pension", "basic_pension_number_sealed", context.city(), number.value()),
                            row.text(BASIC_PENSION_NUMBER));
                    out.put(row.value("種別")).put(row.date("資格取得年月日")).put(row.date("資格喪失年月日"));
                    return true;
                });
    }

    private static ReplicaDataset childAllowance() {
        return new ReplicaDataset("027o003", "児童手当 受給", "child_allowance",
                List.of("処理区分", "受給者宛名番号", "対象児童宛名番号", "支給開始年月", "支給終了年月"),
                List.of("受給者宛名番号", "対象児童宛名番号"), List.of("recipient_number", "child_number"), Set.of(),
                Set.of("受給者宛名番号", "対象児童宛名番号"),
                List.of("city_code", "recipient_number", "child_number", "paid_from", "paid_until"),
                (row, out, context) -> {
                    AddresseeNumber recipient = row.valid("受給者宛名番号", AddresseeNumber::new);
                    AddresseeNumber child = row.valid("対象児童宛名番号", AddresseeNumber::new);
                    String from = row.value("支給開始年月");
                    String until = row.value("支給終了年月");
                    if (from != null && until != null && until.compareTo(from) < 0) {
                        row.problem("支給終了年月", "支給終了年月が支給開始年月より前です");
                    }
                    if (!row.clean()) {
                        return false;
                    }
                    out.put(context.city()).put(recipient.value()).put(child.value()).put(from).put(until);
                    return true;
                });
    }
}
