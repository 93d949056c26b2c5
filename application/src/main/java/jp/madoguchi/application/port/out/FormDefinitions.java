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

    /** One stored version: its text and who published it. */
    record StoredForm(String id, int version, LocalDate effectiveFrom, String text, String publishedBy, Instant publishedAt) {
    }
}
