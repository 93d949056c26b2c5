package jp.madoguchi.demo.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.demo.synthetic.NamePool.ForeignName;
import jp.madoguchi.demo.synthetic.NamePool.Reading;
import jp.madoguchi.domain.calendar.Era;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.resident.Address;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.ForeignResidence;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.PersonName;
import jp.madoguchi.domain.resident.Relationship;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;
import jp.madoguchi.domain.resident.ResidentType;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Generates a synthetic but plausible population: households of the usual shapes (単身, 夫婦, 夫婦と子, ひとり親,
 * 三世代, with 同居人 and 縁故者), kana readings, a few MJ variant and non-BMP names, foreign residents with
 * alphabet names, 通称 and 在留 data, rare 不詳日 birth dates, and business statuses that fit each age
 * (後期高齢 from 75, 介護 from 65, 国民年金 from 20 to 59, 児童手当 through the 高校生年代).
 *
 * <p>The same settings give the same people, byte for byte: every choice comes from one seeded
 * {@link SplittableRandom}, and nothing reads the clock.
 */
public final class SyntheticPopulation {

    /** What to generate and for which city. */
    private static final String[] TOWNS = {"本町", "栄町", "緑町", "旭町", "若葉町", "中央", "東町", "西町", "南町",
            "北町", "桜台", "みどり台", "青葉", "日の出町", "富士見", "末広町", "大手町", "新町", "泉町", "松原",
            "竹の内", "梅ヶ丘", "港町", "川原町"};
    private static final String[] CHOME = {"一丁目", "二丁目", "三丁目", "四丁目", "五丁目"};
    private static final String[] BUILDINGS = {"コーポ", "ハイツ", "メゾン", "レジデンス", "荘"};

    private final Population settings;
    private final EraTable eras = EraTable.shipped();
    private final SplittableRandom random;
    private long nextResident = 1;
    private long nextHousehold = 1;

    public SyntheticPopulation(Population settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Generates households until {@code residents} persons exist, handing them to {@code sink} in order. */
    public void generate(int residents, Consumer<SyntheticHousehold> sink) {
        int made = 0;
        while (made < residents) {
            SyntheticHousehold household = nextHousehold(residents - made);
            made += household.household().members().size();
            sink.accept(household);
        }
    }

    /** Convenience for small populations (tests, demo data). */
    public List<SyntheticHousehold> generate(int residents) {
        List<SyntheticHousehold> all = new ArrayList<>();
        generate(residents, all::add);
        return all;
    }

    private SyntheticHousehold nextHousehold(int room) {
        HouseholdNumber number = HouseholdNumber.fromSerial(nextHousehold++, 9);
        Address address = address();
        boolean foreign = random.nextInt(1000) < 25;
        List<Member> members = foreign ? foreignMembers() : japaneseMembers();
        if (members.size() > room) {
            members = members.subList(0, room);
        }
        boolean nationalHealthInsurance = random.nextInt(100) < (members.get(0).age >= 60 ? 70 : 22);
        String headName = members.get(0).name.name();

        List<Resident> residents = new ArrayList<>(members.size());
        List<BusinessStatus> statuses = new ArrayList<>(members.size());
        List<AddresseeNumber> children = new ArrayList<>();
        for (Member member : members) {
            AddresseeNumber addressee = AddresseeNumber.fromSerial(nextResident++, 9);
            member.number = addressee;
            boolean removed = member.relationship != Relationship.HEAD && random.nextInt(100) < 2;
            ResidentStatus status = removed ? (member.age > 70 ? ResidentStatus.DECEASED : ResidentStatus.MOVED_OUT)
                    : ResidentStatus.RESIDENT;
            residents.add(new Resident(settings.city(), addressee, number,
                    member.foreign == null ? ResidentType.JAPANESE : ResidentType.FOREIGN, status, member.name,
                    member.birthDate, member.sex, member.relationship, headName, address,
                    member.foreign == null ? domicile(address) : null,
                    member.foreign == null ? members.get(0).name.name() : null,
                    member.foreign, IndividualNumber.fromFirstElevenDigits(digits(11))));
            if (member.age <= 18 && member.relationship != Relationship.HEAD && status == ResidentStatus.RESIDENT) {
                children.add(addressee);
            }
        }
        for (int i = 0; i < members.size(); i++) {
            statuses.add(status(members.get(i), i == 0 ? children : List.of(), nationalHealthInsurance));
        }
        return new SyntheticHousehold(new Household(number, residents), statuses);
    }

    private List<Member> japaneseMembers() {
        Reading surname = NamePool.surname(random);
        int shape = random.nextInt(100);
        List<Member> members = new ArrayList<>();
        if (shape < 34) {
            members.add(person(surname, randomSex(), 18 + weightedAdultAge(), Relationship.HEAD));
        } else if (shape < 54) {
            int age = 25 + random.nextInt(66);
            members.add(person(surname, Sex.MALE, age, Relationship.HEAD));
            members.add(person(surname, Sex.FEMALE, clampAge(age - 5 + random.nextInt(8)), Relationship.parse("妻")));
        } else if (shape < 80) {
            int age = 28 + random.nextInt(28);
            members.add(person(surname, Sex.MALE, age, Relationship.HEAD));
            members.add(person(surname, Sex.FEMALE, clampAge(age - 4 + random.nextInt(6)), Relationship.parse("妻")));
            addChildren(members, surname, age, 1 + random.nextInt(3));
        } else if (shape < 88) {
            int age = 25 + random.nextInt(30);
            members.add(person(surname, random.nextInt(100) < 85 ? Sex.FEMALE : Sex.MALE, age, Relationship.HEAD));
            addChildren(members, surname, age, 1 + random.nextInt(2));
        } else if (shape < 95) {
            int age = 38 + random.nextInt(22);
            members.add(person(surname, Sex.MALE, age, Relationship.HEAD));
            members.add(person(surname, Sex.FEMALE, clampAge(age - 3 + random.nextInt(5)), Relationship.parse("妻")));
            addChildren(members, surname, age, 1 + random.nextInt(2));
            members.add(person(surname, Sex.FEMALE, Math.min(104, age + 25 + random.nextInt(10)), Relationship.parse("母")));
        } else {
            int age = 62 + random.nextInt(20);
            members.add(person(surname, Sex.MALE, age, Relationship.HEAD));
            int childAge = age - 28 - random.nextInt(6);
            members.add(person(surname, Sex.MALE, childAge, Relationship.parse("子")));
            members.add(person(surname, Sex.FEMALE, childAge - 2, Relationship.parse("子の妻")));
            members.add(person(surname, randomSex(), Math.max(0, childAge - 30 + random.nextInt(5)), Relationship.parse("子の子")));
            if (random.nextBoolean()) {
                members.add(person(NamePool.surname(random), randomSex(), 20 + random.nextInt(50),
                        Relationship.parse(random.nextBoolean() ? "同居人" : "縁故者")));
            }
        }
        return members;
    }

    private List<Member> foreignMembers() {
        ForeignName name = NamePool.pick(random, NamePool.FOREIGN);
        int age = 20 + random.nextInt(50);
        List<Member> members = new ArrayList<>();
        boolean couple = random.nextInt(100) < 35;
        members.add(foreigner(name, couple ? Sex.MALE : randomSex(), age, Relationship.HEAD));
        if (couple) {
            ForeignName spouse = NamePool.pick(random, NamePool.FOREIGN);
            Member wife = foreigner(new ForeignName(spouse.name(), spouse.kana(), name.nationality(), "家族滞在".equals(name.status())
                    ? "家族滞在" : name.status(), name.category(), null, null), Sex.FEMALE, clampAge(age - 3 + random.nextInt(6)),
                    Relationship.parse("妻"));
            members.add(wife);
        }
        return members;
    }

    private void addChildren(List<Member> members, Reading surname, int parentAge, int count) {
        for (int i = 0; i < count; i++) {
            int age = Math.max(0, parentAge - 22 - random.nextInt(Math.max(1, parentAge - 22 + 1)));
            members.add(person(surname, randomSex(), Math.min(age, 30), Relationship.parse("子")));
        }
    }

    private Member person(Reading surname, Sex sex, int age, Relationship relationship) {
        LocalDate born = birthday(age);
        Reading given = NamePool.givenName(random, sex == Sex.MALE, born.getYear());
        PersonName name = PersonName.of(surname.text() + " " + given.text(), surname.kana() + " " + given.kana());
        if (relationship.label().endsWith("妻") && random.nextInt(100) < 8) {
            Reading former = NamePool.surname(random);
            name = name.withFormerSurname(former.text(), former.kana());
        }
        return new Member(name, sex, age, birthDate(born, age), relationship, null);
    }

    private Member foreigner(ForeignName foreign, Sex sex, int age, Relationship relationship) {
        LocalDate born = birthday(age);
        PersonName name = PersonName.of(foreign.name(), foreign.kana());
        if (foreign.name().matches("[A-Z ]+")) {
            name = name.withAlphabetName(foreign.name());
        }
        if (foreign.alias() != null) {
            name = name.withAlias(foreign.alias(), foreign.aliasKana());
        }
        boolean permanent = "2".equals(foreign.category()) || "永住者".equals(foreign.status());
        ForeignResidence residence = new ForeignResidence(foreign.nationality(), foreign.status(),
                permanent ? null : settings.asOf().plusDays(60 + random.nextInt(1000)),
                letters(2) + digits(8) + letters(2), foreign.category());
        return new Member(name, sex, age, WarekiDate.of(born, eras),
                relationship, residence);
    }

    /** About one in five hundred people over 75 (some 2 in 10,000 overall) has a 不詳日 birth date, written as the registry would. */
    private WarekiDate birthDate(LocalDate born, int age) {
        WarekiDate exact = WarekiDate.of(born, eras);
        if (age >= 75 && random.nextInt(500) == 0) {
            Era era = exact.era();
            return random.nextBoolean()
                    ? WarekiDate.uncertain(era.name() + exact.year() + "年頃", era, exact.year(), null)
                    : WarekiDate.uncertain(era.name() + exact.year() + "年" + exact.month() + "月上旬", era, exact.year(), exact.month());
        }
        return exact;
    }

    private BusinessStatus status(Member member, List<AddresseeNumber> children, boolean nationalHealthInsurance) {
        int age = member.age;
        LocalDate born = member.birthDate.toLocalDate().orElse(settings.asOf().minusYears(age));
        boolean lateStage = age >= 75;
        boolean national = !lateStage && nationalHealthInsurance;
        boolean care = age >= 65;
        String pension = null;
        if (age >= 20 && age < 60) {
            if (national) {
                pension = "1";
            } else if (member.relationship.label().equals("妻") && random.nextInt(100) < 40) {
                pension = "3";
            }
        }
        boolean hasCard = random.nextInt(100) < 78;
        boolean seal = age >= 15 && random.nextInt(100) < 45;
        return new BusinessStatus(
                member.number,
                digits(11),
                national ? latest(born, settings.asOf().minusDays(1 + random.nextInt(3650))) : null,
                lateStage ? born.plusYears(75) : null,
                care ? born.plusYears(65) : null,
                care && age >= 80 && random.nextInt(100) < 30 ? NamePool.pick(random,
                        new String[]{"要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"}) : null,
                pension,
                pension == null ? null : born.plusYears(20),
                pension == null ? null : digits(4) + "-" + digits(6),
                children,
                children.isEmpty() ? null : settings.asOf().withDayOfMonth(1).minusMonths(random.nextInt(60)),
                hasCard ? settings.asOf().plusDays(30 + random.nextInt(3600)) : null,
                seal ? "R" + digits(7) : null,
                random.nextInt(100) < 35 ? born : latest(born, settings.asOf().minusDays(1 + random.nextInt(40 * 365))));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Address address() {
        int town = random.nextInt(TOWNS.length);
        int chome = random.nextInt(CHOME.length);
        String code = settings.city().value().substring(0, 5) + String.format("%03d%03d", town + 1, chome + 1);
        String postal = String.format("9%02d%04d", town, 100 + chome);
        String lot = (1 + random.nextInt(30)) + "番" + (1 + random.nextInt(25)) + "号";
        String apartment = random.nextInt(100) < 30
                ? TOWNS[random.nextInt(TOWNS.length)] + NamePool.pick(random, BUILDINGS) + (1 + random.nextInt(5)) + "0" + (1 + random.nextInt(9))
                : null;
        return new Address(new Address.AddressCode(code), new Address.PostalCode(postal),
                settings.prefectureName() + settings.cityName() + TOWNS[town] + CHOME[chome], lot, apartment);
    }

    private String domicile(Address address) {
        return random.nextInt(100) < 60 ? address.town() + address.lot().replaceAll("番.*", "番")
                : NamePool.pick(random, new String[]{"東京都千代田区千代田1番", "大阪府大阪市北区中之島1丁目3番",
                "北海道札幌市中央区北一条西2丁目1番", "福岡県福岡市中央区天神1丁目8番"});
    }

    private LocalDate birthday(int age) {
        return settings.asOf().minusYears(age).minusDays(random.nextInt(365));
    }

    /** Adults from 18: the distribution of a Japanese city (fewer very old people). */
    private int weightedAdultAge() {
        int age = random.nextInt(80);
        return age > 60 && random.nextInt(100) < 40 ? age - 30 : age;
    }

    private static int clampAge(int age) {
        return Math.max(18, Math.min(age, 104));
    }

    private Sex randomSex() {
        return random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    }

    private String digits(int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }

    private String letters(int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(out);
    }

    private static final class Member {
        final PersonName name;
        final Sex sex;
        final int age;
        final WarekiDate birthDate;
        final Relationship relationship;
        final ForeignResidence foreign;
        AddresseeNumber number;

        Member(PersonName name, Sex sex, int age, WarekiDate birthDate, Relationship relationship, ForeignResidence foreign) {
            this.name = name;
            this.sex = sex;
            this.age = age;
            this.birthDate = birthDate;
            this.relationship = relationship;
            this.foreign = foreign;
        }
    }
}
