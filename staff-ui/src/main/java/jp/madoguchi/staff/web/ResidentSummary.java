package jp.madoguchi.staff.web;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.domain.resident.Resident;

/**
 * One resident as the search results, the resident page and its household list show them; {@code score} is empty
 * unless the resident was found by the four items (4情報).
 */
public record ResidentSummary(String number, String name, String kana, String alias, String born, String sex,
                              String relationship, String address, String status, boolean removed, String household,
                              String score, boolean exact) {

    static ResidentSummary of(Resident r, ResidentCandidate candidate) {
        return new ResidentSummary(r.addresseeNumber().value(), r.name().name(),
                r.name().nameKana() == null ? "" : r.name().nameKana(), r.name().alias() == null ? "" : r.name().alias(),
                r.birthDate().format(), r.sex().label(), r.relationship().label(), r.address().fullText(),
                r.status().label(), r.status().isRemoved(), r.householdNumber().value(),
                candidate == null ? "" : String.valueOf(candidate.score()), candidate != null && candidate.exact());
    }
}
