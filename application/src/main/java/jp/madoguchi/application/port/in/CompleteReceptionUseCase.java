package jp.madoguchi.application.port.in;

import java.util.List;

/**
 * 完了: finishes the current department's procedures of a visit and queues their records for the back office; the
 * visit goes on (回付) to the next department with open procedures, or is finished when none is left.
 */
public interface CompleteReceptionUseCase {

    Completion complete(ReceptionStepCommand command);

    /**
     * What the completion did: the procedures finished, how many records it queued, of which layouts, the columns the
     * visit had no value for (left empty, never invented), and where the visit went next.
     *
     * @param referredTo the department the visit was sent on to, empty when the whole visit is finished
     */
    record Completion(List<String> finished, int records, List<String> layouts, List<String> missing,
                      java.util.Optional<jp.madoguchi.domain.procedure.Department> referredTo) {
        public Completion {
            finished = List.copyOf(finished);
            layouts = List.copyOf(layouts);
            missing = List.copyOf(missing);
        }
    }
}
