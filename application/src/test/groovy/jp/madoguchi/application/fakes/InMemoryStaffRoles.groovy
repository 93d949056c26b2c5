package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.StaffRoles
import jp.madoguchi.domain.shared.LocalGovernmentCode

class InMemoryStaffRoles implements StaffRoles {

    final Map<String, StaffRole> roles = [:]

    @Override
    List<StaffRole> list(LocalGovernmentCode city) {
        roles.values().findAll { it.city() == city }.sort { it.name() }
    }

    @Override
    Optional<StaffRole> find(LocalGovernmentCode city, String name) {
        Optional.ofNullable(roles[city.value() + '/' + name])
    }

    @Override
    void save(StaffRole role) {
        roles[role.city().value() + '/' + role.name()] = role
    }
}
