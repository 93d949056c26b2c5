package jp.madoguchi.domain.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.resident.AddresseeNumber;

/**
 * Everything the business systems say about one resident: 国保・後期高齢・介護の資格, 国民年金, 児童手当 (as
 * recipient or as child) and the card and seal status. {@code card} and {@code pension} are null when the
 * source has no row for the resident.
 */
public record Enrolments(AddresseeNumber resident, List<InsuranceEnrolment> insurances, PensionEnrolment pension,
                         List<ChildAllowance> childAllowances, CardStatus card) {

    public Enrolments {
        insurances = List.copyOf(insurances);
        childAllowances = List.copyOf(childAllowances);
    }

    public Optional<InsuranceEnrolment> insurance(InsuranceEnrolment.Scheme scheme, LocalDate day) {
        return insurances.stream().filter(i -> i.scheme() == scheme && i.activeOn(day)).findFirst();
    }

    public Optional<PensionEnrolment> pensionEnrolment() {
        return Optional.ofNullable(pension);
    }

    public Optional<CardStatus> cardStatus() {
        return Optional.ofNullable(card);
    }
}
