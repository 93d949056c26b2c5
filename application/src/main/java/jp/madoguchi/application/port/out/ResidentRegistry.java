package jp.madoguchi.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The local replica of the city's resident registry (read side). */
public interface ResidentRegistry {

    Optional<Resident> find(LocalGovernmentCode city, AddresseeNumber number);

    /** Residents (including 除票) born on a Gregorian day; used to match card data. */
    List<Resident> bornOn(LocalGovernmentCode city, LocalDate birthDate);
}
