package jp.madoguchi.application.port.out;

import java.util.Optional;

import jp.madoguchi.domain.procedure.RelatedProcedureList;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The related-procedure list of each reception, with the rule versions it came from. */
public interface RelatedProcedureLists {

    Optional<RelatedProcedureList> find(LocalGovernmentCode city, ReceptionNumber reception);

    /**
     * Stores the list if the stored one still has {@code list.version()} (0: none yet) and returns it with the next
     * version; otherwise {@link ConcurrentUpdateException}.
     */
    RelatedProcedureList save(LocalGovernmentCode city, ReceptionNumber reception, RelatedProcedureList list);
}
