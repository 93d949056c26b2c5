package jp.madoguchi.domain.resident;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 世帯: the residents who share a 世帯番号. The 世帯主 may be unset (標準仕様 1.1.10), but there is never more
 * than one, and all members belong to the same city.
 */
public record Household(HouseholdNumber number, List<Resident> members) {

    public Household {
        if (number == null) {
            throw new Rejection("resident.household", "世帯番号がありません");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new Rejection("resident.household", "世帯員がいません");
        }
        for (Resident member : members) {
            if (!member.householdNumber().equals(number)) {
                throw new Rejection("resident.household", "宛名番号 " + member.addresseeNumber() + " は世帯 " + number + " の世帯員ではありません");
            }
            if (!member.city().equals(members.get(0).city())) {
                throw new Rejection("resident.household", "世帯員の地方公共団体が一致しません");
            }
        }
        long heads = members.stream().filter(m -> m.isHeadOfHousehold() && !m.status().isRemoved()).count();
        if (heads > 1) {
            throw new Rejection("resident.household", "世帯主が2人以上います（世帯 " + number + "）");
        }
    }

    public Optional<Resident> head() {
        return members.stream().filter(m -> m.isHeadOfHousehold() && !m.status().isRemoved()).findFirst();
    }

    /** Members who are still 住民 (not 除票). */
    public List<Resident> currentMembers() {
        return members.stream().filter(m -> !m.status().isRemoved()).toList();
    }
}
