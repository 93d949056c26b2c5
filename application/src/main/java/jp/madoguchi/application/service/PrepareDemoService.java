package jp.madoguchi.application.service;

import java.util.List;

import jp.madoguchi.application.port.in.PrepareDemoUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.application.synthetic.SyntheticHousehold;
import jp.madoguchi.application.synthetic.SyntheticPopulation;
import jp.madoguchi.domain.resident.Resident;

public final class PrepareDemoService implements PrepareDemoUseCase {

    private final ResidentReplica replica;
    private final RegisterStaffAccountUseCase staff;
    private final SyntheticPopulation.Settings population;
    private final int residents;
    private final List<RegisterStaffCommand> demoStaff;

    public PrepareDemoService(ResidentReplica replica, RegisterStaffAccountUseCase staff,
                              SyntheticPopulation.Settings population, int residents, List<RegisterStaffCommand> demoStaff) {
        this.replica = replica;
        this.staff = staff;
        this.population = population;
        this.residents = residents;
        this.demoStaff = List.copyOf(demoStaff);
    }

    @Override
    public DemoReport prepare() {
        int loaded = 0;
        if (replica.count(population.city()) == 0) {
            List<Resident> all = new SyntheticPopulation(population).generate(residents).stream()
                    .map(SyntheticHousehold::household)
                    .flatMap(h -> h.members().stream())
                    .toList();
            replica.store(all);
            loaded = all.size();
        }
        int created = (int) demoStaff.stream().filter(staff::registerIfAbsent).count();
        return new DemoReport(loaded, created);
    }
}
