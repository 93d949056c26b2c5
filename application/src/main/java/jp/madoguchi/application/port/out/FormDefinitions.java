package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** Every version of every form of a city, stored as the text that defines it. */
public interface FormDefinitions {

    List<StoredForm> versions(LocalGovernmentCode city);

    /** Stores a version; one stored meanwhile with the same number fails with {@link ConcurrentUpdateException}. */
    void publish(LocalGovernmentCode city, StoredForm form, Operator by, Instant at);

    /** Stores the shipped forms the city does not have yet as version 1; returns how many. */
    int seedMissing(LocalGovernmentCode city, List<StoredForm> shipped, Instant at);

    /**
     * A release that corrects a shipped form (a layout that overlapped) reaches the cities that still use it as
     * shipped: where the newest version of a form is the shipped one and its text differs from {@code shipped}, the
     * new text becomes the next version from {@code from}. A form the city published itself stays as it is; earlier
     * versions stay for the receptions that printed with them.
     *
     * @return how many forms got a new version
     */
    int updateShipped(LocalGovernmentCode city, List<StoredForm> shipped, LocalDate from, Instant at);

    /** One stored version: its text and who published it. */
    record StoredForm(String id, int version, LocalDate effectiveFrom, String text, String publishedBy, Instant publishedAt) {
    }
}
