package jp.madoguchi.application.port.in;

import java.util.List;

/** 完了: finishes a visit and queues its records for the back office. */
public interface CompleteReceptionUseCase {

    Completion complete(ReceptionStepCommand command);

    /**
     * What the completion queued: how many records, of which layouts, and the columns the visit had no value for
     * (left empty, never invented).
     */
    record Completion(int records, List<String> layouts, List<String> missing) {
    }
}
