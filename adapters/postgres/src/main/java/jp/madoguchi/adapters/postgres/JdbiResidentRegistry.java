package jp.madoguchi.adapters.postgres;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.resident.MatchKey;
import jp.madoguchi.domain.calendar.Era;
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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The resident registry replica in PostgreSQL. Names go in and out as Java strings over a UTF-8 connection,
 * so every code point (IVS, non-BMP) survives unchanged. 個人番号 is stored sealed with its keyed hash and is
 * never read back into a {@link Resident}: revealing it is a separate, permitted act. The linkage import loads
 * the replica in bulk; {@link #store} serves small writers (tests, tools).
 */
@Singleton
public class JdbiResidentRegistry implements ResidentRegistry, ResidentReplica {

    private static final String COLUMNS = """
            city_code, addressee_number, household_number, resident_type, status, name, name_kana, former_surname,
            former_surname_kana, alias, alias_kana, alphabet_name, birth_era, birth_year, birth_month, birth_day,
            birth_notation, birth_date, sex, relationship, head_of_household_name, address_code, postal_code,
            address_town, address_lot, address_apartment, domicile, domicile_head, nationality, residence_status,
            period_of_stay_ends, residence_card_number, article30_45_category""";

    private static final String STORED_COLUMNS = COLUMNS + ", name_key, kana_key, individual_number_sealed, individual_number_key";

    private static final List<String> COLUMN_NAMES = java.util.Arrays.stream(STORED_COLUMNS.split(","))
            .map(String::strip).toList();

    /** Upsert: a resident delivered again replaces the earlier copy. */
    private static final String UPSERT = "INSERT INTO resident (" + STORED_COLUMNS + ") VALUES ("
            + String.join(", ", COLUMN_NAMES.stream().map(c -> ":" + c).toList())
            + ") ON CONFLICT (city_code, addressee_number) DO UPDATE SET "
            + String.join(", ", COLUMN_NAMES.stream()
            .filter(c -> !c.equals("city_code") && !c.equals("addressee_number"))
            .map(c -> c + " = excluded." + c).toList())
            + ", replicated_at = now()";

    private final Jdbi jdbi;
    private final SensitiveItems sensitive;
    private final EraTable eras;

    public JdbiResidentRegistry(Jdbi jdbi, SensitiveItems sensitive, EraTable eras) {
        this.eras = eras;
        this.jdbi = jdbi;
        this.sensitive = sensitive;
    }

    @Override
    public Optional<Resident> find(LocalGovernmentCode city, AddresseeNumber number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city AND addressee_number = :number")
                .bind("city", city.value())
                .bind("number", number.value())
                .map(this::resident)
                .findOne());
    }

    @Override
    public Optional<Resident> byResidenceCardNumber(LocalGovernmentCode city, String cardNumber) {
        // a current resident before a 除票 with the same card (a card is reissued with a new number, but be sure)
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city"
                        + " AND residence_card_number = :card ORDER BY status, addressee_number LIMIT 1")
                .bind("city", city.value())
                .bind("card", cardNumber)
                .map(this::resident)
                .findOne());
    }

    @Override
    public Optional<IndividualNumber> individualNumberOf(LocalGovernmentCode city, AddresseeNumber number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT individual_number_sealed FROM resident WHERE city_code = :city"
                        + " AND addressee_number = :number AND individual_number_sealed IS NOT NULL")
                .bind("city", city.value())
                .bind("number", number.value())
                .map((rs, ctx) -> new IndividualNumber(sensitive.open("個人番号", individualNumberPlace(city, number), rs.getBytes(1))))
                .findOne());
    }

    @Override
    public List<Resident> bornOn(LocalGovernmentCode city, LocalDate birthDate, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city AND birth_date = :born"
                        + " ORDER BY addressee_number LIMIT :limit")
                .bind("city", city.value())
                .bind("born", birthDate)
                .bind("limit", limit)
                .map(this::resident)
                .list());
    }

    @Override
    public List<Resident> bornOnOrNamed(LocalGovernmentCode city, LocalDate birthDate, String nameKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city"
                        + " AND (birth_date = :born OR name_key = :key"
                        // "氏名|通称": either part alone is the person's name; the predicate matches the partial indexes
                        + " OR (position('|' IN name_key) > 0 AND split_part(name_key, '|', 1) = :key)"
                        + " OR (position('|' IN name_key) > 0 AND split_part(name_key, '|', 2) = :key))"
                        + " ORDER BY addressee_number LIMIT 500")
                .bind("city", city.value())
                .bind("born", birthDate)
                .bind("key", nameKey)
                .map(this::resident)
                .list());
    }

    @Override
    public List<Resident> byKanaKey(LocalGovernmentCode city, String kanaKey, boolean prefix, int limit) {
        String pattern = (prefix ? "" : "%") + kanaKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city"
                        // byte order (COLLATE "C") lets one index serve both the prefix match and the ordering
                        + " AND kana_key COLLATE \"C\" LIKE :pattern ORDER BY kana_key COLLATE \"C\", addressee_number LIMIT :limit")
                .bind("city", city.value())
                .bind("pattern", pattern)
                .bind("limit", limit)
                .map(this::resident)
                .list());
    }

    @Override
    public List<Resident> householdMembers(LocalGovernmentCode city, HouseholdNumber number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM resident WHERE city_code = :city"
                        + " AND household_number = :number ORDER BY addressee_number")
                .bind("city", city.value())
                .bind("number", number.value())
                .map(this::resident)
                .list());
    }

    @Override
    public Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number) {
        return jdbi.withHandle(h -> new EnrolmentQueries(h, city.value(), number.value()).load(number));
    }

    @Override
    public long count(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM resident WHERE city_code = :city")
                .bind("city", city.value()).mapTo(Long.class).one());
    }

    @Override
    public void store(Collection<Resident> residents) {
        jdbi.useTransaction(h -> {
            residents.stream().map(r -> r.city().value()).distinct()
                    .forEach(city -> h.execute("SELECT ensure_city_partition('resident', ?)", city));
            PreparedBatch batch = h.prepareBatch(UPSERT);
            for (Resident r : residents) {
                bind(batch, r).add();
            }
            batch.execute();
        });
    }

    private PreparedBatch bind(PreparedBatch batch, Resident r) {
        PersonName name = r.name();
        WarekiDate born = r.birthDate();
        Address address = r.address();
        ForeignResidence foreign = r.foreignResidence();
        return batch.bind("city_code", r.city().value())
                .bind("addressee_number", r.addresseeNumber().value())
                .bind("household_number", r.householdNumber().value())
                .bind("resident_type", r.type().code())
                .bind("status", r.status().code())
                .bind("name", name.name())
                .bind("name_kana", name.nameKana())
                .bind("former_surname", name.formerSurname())
                .bind("former_surname_kana", name.formerSurnameKana())
                .bind("alias", name.alias())
                .bind("alias_kana", name.aliasKana())
                .bind("alphabet_name", name.alphabetName())
                .bind("birth_era", born.era() == null ? null : born.era().name())
                .bind("birth_year", born.year())
                .bind("birth_month", born.month())
                .bind("birth_day", born.day())
                .bind("birth_notation", born.notation())
                .bind("birth_date", born.toLocalDate().orElse(null))
                .bind("sex", r.sex().code())
                .bind("relationship", r.relationship().label())
                .bind("head_of_household_name", r.headOfHouseholdName())
                .bind("address_code", address.code() == null ? null : address.code().value())
                .bind("postal_code", address.postalCode() == null ? null : address.postalCode().value())
                .bind("address_town", address.town())
                .bind("address_lot", address.lot())
                .bind("address_apartment", address.apartment())
                .bind("domicile", r.domicile())
                .bind("domicile_head", r.domicileHead())
                .bind("nationality", foreign == null ? null : foreign.nationality())
                .bind("residence_status", foreign == null ? null : foreign.residenceStatus())
                .bind("period_of_stay_ends", foreign == null ? null : foreign.periodOfStayEnds())
                .bind("residence_card_number", foreign == null ? null : foreign.residenceCardNumber())
                .bind("article30_45_category", foreign == null ? null : foreign.article30_45Category())
                .bind("name_key", MatchKey.nameOf(name))
                .bind("kana_key", MatchKey.kanaOf(name))
                .bind("individual_number_sealed", r.individualNumberIfKnown()
                        .map(n -> sensitive.seal("個人番号", individualNumberPlace(r.city(), r.addresseeNumber()), n.reveal())).orElse(null))
                .bind("individual_number_key", r.individualNumberIfKnown().map(n -> sensitive.lookupKey("個人番号", n.reveal())).orElse(null));
    }

    /** The resident's row, bound to the sealed 個人番号 (as the linkage import binds it). */
    private static SensitiveItems.Place individualNumberPlace(LocalGovernmentCode city, AddresseeNumber number) {
        return SensitiveItems.Place.ofResident("resident", "individual_number_sealed", city.value(), number.value());
    }

    private Resident resident(ResultSet rs, StatementContext context) throws SQLException {
        ResidentType type = ResidentType.fromCode(rs.getString("resident_type"));
        PersonName name = new PersonName(rs.getString("name"), rs.getString("name_kana"),
                rs.getString("former_surname"), rs.getString("former_surname_kana"), rs.getString("alias"),
                rs.getString("alias_kana"), rs.getString("alphabet_name"));
        Era era = rs.getString("birth_era") == null ? null : eras.byName(rs.getString("birth_era")).orElseThrow(
                () -> new IllegalStateException("元号の表にない元号が保存されています"));
        WarekiDate born = new WarekiDate(era, rs.getObject("birth_year", Integer.class),
                rs.getObject("birth_month", Integer.class), rs.getObject("birth_day", Integer.class),
                rs.getString("birth_notation"));
        String addressCode = rs.getString("address_code");
        String postalCode = rs.getString("postal_code");
        Address address = new Address(addressCode == null ? null : new Address.AddressCode(addressCode),
                postalCode == null ? null : new Address.PostalCode(postalCode), rs.getString("address_town"),
                rs.getString("address_lot"), rs.getString("address_apartment"));
        ForeignResidence foreign = type == ResidentType.FOREIGN
                ? new ForeignResidence(rs.getString("nationality"), rs.getString("residence_status"),
                localDate(rs.getDate("period_of_stay_ends")), rs.getString("residence_card_number"),
                rs.getString("article30_45_category"))
                : null;
        return new Resident(new LocalGovernmentCode(rs.getString("city_code")),
                new AddresseeNumber(rs.getString("addressee_number")),
                new HouseholdNumber(rs.getString("household_number")), type,
                ResidentStatus.fromCode(rs.getString("status")), name, born, Sex.fromCode(rs.getString("sex")),
                Relationship.parse(rs.getString("relationship")), rs.getString("head_of_household_name"), address,
                rs.getString("domicile"), rs.getString("domicile_head"), foreign, null);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
