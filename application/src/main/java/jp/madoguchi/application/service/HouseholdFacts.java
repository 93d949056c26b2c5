package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase.Member;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.enrolment.CardStatus;
import jp.madoguchi.domain.enrolment.ChildAllowance;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.enrolment.InsuranceEnrolment.Scheme;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.procedure.Fact;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.MemberFacts;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Gathers what the rules may know of a reception's household: the identified resident's household from the
 * replica with each member's business statuses on the event date, or, for a 転入 not yet in the replica, the
 * person on the 転出証明書. These are facts, not rules: which procedure follows is decided only by the rules.
 */
final class HouseholdFacts {

    /** Key of the member a birth adds: the newborn is not in the registry yet. */
    static final String NEWBORN = "NEWBORN";
    private static final String MOVER = "MOVE_IN";

    private final ResidentRegistry registry;
    private final MoveIns moveIns;

    HouseholdFacts(ResidentRegistry registry, MoveIns moveIns) {
        this.registry = registry;
        this.moveIns = moveIns;
    }

    /** The members as the counter lists them, and who the event is about by default. */
    List<Member> members(Reception reception, LifeEvent event) {
        List<Member> result = new ArrayList<>();
        for (Source s : sources(reception)) {
            result.add(new Member(s.id(), s.name(), s.birthDisplay(), s.relationship(), subjectByDefault(event, s)));
        }
        return result;
    }

    /** Each member's facts on the event date; a birth adds the newborn. */
    List<MemberFacts> facts(Reception reception, LifeEvent event, LocalDate day, Set<String> subjects) {
        List<MemberFacts> result = new ArrayList<>();
        for (Source s : sources(reception)) {
            Map<Fact, String> facts = new EnumMap<>(s.facts(day));
            facts.put(Fact.SUBJECT, subjects.contains(s.id()) ? "はい" : "いいえ");
            result.add(new MemberFacts(s.id(), s.name(), s.birthDate(), facts));
        }
        if (event == LifeEvent.BIRTH) {
            result.add(new MemberFacts(NEWBORN, "生まれたお子さん", day, Map.of(Fact.SUBJECT, "はい",
                    Fact.RELATIONSHIP, "子", Fact.HEAD_OF_HOUSEHOLD, "いいえ")));
        }
        return result;
    }

    /** The household of the reception, for any sample resident (the administrator's dry run). */
    List<MemberFacts> factsOf(Resident sample, LifeEvent event, LocalDate day) {
        List<MemberFacts> result = new ArrayList<>();
        for (Resident r : household(sample)) {
            Source s = fromRegistry(r);
            Map<Fact, String> facts = new EnumMap<>(s.facts(day));
            facts.put(Fact.SUBJECT, subjectByDefault(event, s) || r.addresseeNumber().equals(sample.addresseeNumber()) ? "はい" : "いいえ");
            result.add(new MemberFacts(s.id(), s.name(), s.birthDate(), facts));
        }
        if (event == LifeEvent.BIRTH) {
            result.add(new MemberFacts(NEWBORN, "生まれたお子さん", day, Map.of(Fact.SUBJECT, "はい")));
        }
        return result;
    }

    /** Moves concern the whole household unless the clerk says otherwise; other events the identified person. */
    private static boolean subjectByDefault(LifeEvent event, Source s) {
        return switch (event) {
            case MOVE_IN, MOVE_OUT, MOVE_WITHIN_CITY, HOUSEHOLD_CHANGE -> true;
            default -> s.identified();
        };
    }

    private List<Source> sources(Reception reception) {
        if (reception.resident().isPresent()) {
            Resident resident = registry.find(reception.city(), reception.resident().get())
                    .orElseThrow(() -> new Rejection("reception.resident-not-in-registry", "受付の住民が住民記録にありません"));
            return household(resident).stream().map(r -> {
                Source s = fromRegistry(r);
                return r.addresseeNumber().equals(resident.addresseeNumber()) ? s.asIdentified() : s;
            }).toList();
        }
        MoveIn moveIn = moveIns.find(reception.city(), reception.number()).orElseThrow(() -> new Rejection("related.identity-unconfirmed",
                    "本人確認が済んでいないため世帯がわかりません。先に本人確認をしてください"));
        // the family moving in together is the household the rules look at; the one the visit was opened with is identified
        List<Source> movers = new ArrayList<>();
        List<MoveOutCertificate> certificates = moveIn.movers();
        for (int i = 0; i < certificates.size(); i++) {
            movers.add(fromCertificate(i == 0 ? MOVER : MOVER + "-" + (i + 1), certificates.get(i), i == 0));
        }
        return movers;
    }

    private List<Resident> household(Resident resident) {
        List<Resident> members = new ArrayList<>(registry.householdMembers(resident.city(), resident.householdNumber())
                .stream().filter(m -> !m.status().isRemoved() || m.addresseeNumber().equals(resident.addresseeNumber()))
                .toList());
        if (members.stream().noneMatch(m -> m.addresseeNumber().equals(resident.addresseeNumber()))) {
            members.add(0, resident);
        }
        return members;
    }

    private Source fromRegistry(Resident r) {
        Enrolments enrolments = registry.enrolments(r.city(), r.addresseeNumber());
        return new Source(r.addresseeNumber().value(), r.nameForDisplay(), r.birthDate().toLocalDate().orElse(null),
                r.birthDateForDisplay(), r.relationship().label(), false, day -> {
            Map<Fact, String> f = new EnumMap<>(Fact.class);
            f.put(Fact.SEX, r.sex().label());
            f.put(Fact.RELATIONSHIP, r.relationship().label());
            f.put(Fact.HEAD_OF_HOUSEHOLD, r.isHeadOfHousehold() ? "はい" : "いいえ");
            f.put(Fact.FOREIGN, r.isForeign() ? "はい" : "いいえ");
            f.put(Fact.NATIONAL_HEALTH_INSURANCE, yes(enrolments.insurance(Scheme.NATIONAL_HEALTH_INSURANCE, day).isPresent()));
            f.put(Fact.LATE_STAGE_ELDERLY, yes(enrolments.insurance(Scheme.LATE_STAGE_ELDERLY, day).isPresent()));
            f.put(Fact.LONG_TERM_CARE, yes(enrolments.insurance(Scheme.LONG_TERM_CARE, day).isPresent()));
            f.put(Fact.CARE_CERTIFIED, yes(enrolments.insurance(Scheme.LONG_TERM_CARE, day)
                    .map(i -> i.detail() != null && !i.detail().isBlank()).orElse(false)));
            f.put(Fact.NATIONAL_PENSION, enrolments.pensionEnrolment().filter(p -> p.activeOn(day))
                    .map(p -> p.category().label().replace("被保険者", "").replace("任意加入", "任意")).orElse("なし"));
            f.put(Fact.CHILD_ALLOWANCE, childAllowance(enrolments, r.addresseeNumber().value(), day));
            CardStatus card = enrolments.cardStatus().orElse(null);
            f.put(Fact.CARD, card == null || !card.cardIssued() ? "なし" : card.cardValidOn(day) ? "あり" : "期限切れ");
            f.put(Fact.ELECTRONIC_CERTIFICATE, certificate(card, day));
            f.put(Fact.SEAL, yes(card != null && card.sealRegistered()));
            return f;
        });
    }

    private static Source fromCertificate(String id, MoveOutCertificate c, boolean identified) {
        return new Source(id, c.name(), c.birthDate(), c.birthDateForDisplay(), c.relationship(), identified, day -> {
            Map<Fact, String> f = new EnumMap<>(Fact.class);
            if (c.sex() != null) {
                f.put(Fact.SEX, c.sex().label());
            }
            f.put(Fact.RELATIONSHIP, c.relationship() == null ? "" : c.relationship());
            f.put(Fact.HEAD_OF_HOUSEHOLD, "世帯主".equals(c.relationship()) ? "はい" : "いいえ");
            MoveOutCertificate.BusinessStatuses s = c.statuses();
            f.put(Fact.NATIONAL_HEALTH_INSURANCE, stated(s.nationalHealthInsurance()));
            f.put(Fact.LATE_STAGE_ELDERLY, stated(s.lateStageElderly()));
            f.put(Fact.LONG_TERM_CARE, stated(s.longTermCare()));
            return f;
        });
    }

    private static String childAllowance(Enrolments enrolments, String who, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        for (ChildAllowance a : enrolments.childAllowances()) {
            boolean active = (a.from() == null || !a.from().isAfter(month)) && (a.until() == null || !a.until().isBefore(month));
            if (active && a.recipient().value().equals(who)) {
                return "受給者";
            }
            if (active && a.child().value().equals(who)) {
                return "対象児童";
            }
        }
        return "なし";
    }

    private static String certificate(CardStatus card, LocalDate day) {
        if (card == null || !card.cardIssued() || card.signingCertificateExpires() == null
                && card.authenticationCertificateExpires() == null) {
            return "なし";
        }
        LocalDate expires = card.authenticationCertificateExpires() != null ? card.authenticationCertificateExpires()
                : card.signingCertificateExpires();
        return expires.isBefore(day) ? "期限切れ" : "あり";
    }

    /** A status written on the 転出証明書 counts when something other than 「なし」 is written. */
    private static String stated(String text) {
        return text == null || text.isBlank() || text.contains("なし") || text.contains("無") ? "なし" : "あり";
    }

    private static String yes(boolean value) {
        return value ? "あり" : "なし";
    }

    /** One member before the event date is known; facts come once the date is. */
    private record Source(String id, String name, LocalDate birthDate, String birthDisplay, String relationship,
                          boolean identified, java.util.function.Function<LocalDate, Map<Fact, String>> factsOn) {
        Map<Fact, String> facts(LocalDate day) {
            return factsOn.apply(day);
        }

        Source asIdentified() {
            return new Source(id, name, birthDate, birthDisplay, relationship, true, factsOn);
        }
    }
}
