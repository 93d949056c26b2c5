package jp.madoguchi.demo.synthetic;

import java.util.List;

import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.shared.Rejection;

/** A generated household with the business data the core systems would hold for its members. */
public record SyntheticHousehold(Household household, List<BusinessStatus> statuses) {

    public SyntheticHousehold {
        statuses = List.copyOf(statuses);
        if (statuses.size() != household.members().size()) {
            throw new Rejection("synthetic.household-mismatch", "世帯員と業務状況の数が合いません");
        }
    }
}
