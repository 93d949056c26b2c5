package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 窓口の設定: the administrator names the counters of each department that visitors are called to. */
public interface ManageServiceCountersUseCase {

    List<ServiceCounter> counters(LocalGovernmentCode city);

    /** The departments a counter can belong to: those of the procedures the city offers. */
    List<Department> departments();

    /** Adds a counter, or renames an existing one (same code). */
    ServiceCounter saveCounter(LocalGovernmentCode city, String code, String name, String departmentCode);

    /** Removes a counter; visits called to it keep their calls in the timeline. */
    void removeCounter(LocalGovernmentCode city, String code);
}
