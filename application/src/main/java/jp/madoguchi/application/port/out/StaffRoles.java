package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.staff.Permission;

/** The roles (役割) a city defines, each a named group of permissions. */
public interface StaffRoles {

    List<StaffRole> list(LocalGovernmentCode city);

    Optional<StaffRole> find(LocalGovernmentCode city, String name);

    /** Adds the role or replaces the one with the same name. */
    void save(StaffRole role);

    /**
     * @param name       the role's ID, as accounts name it (e.g. {@code CLERK}, {@code KOKUHO})
     * @param label      what the screens show (e.g. 国保年金課 窓口)
     * @param department the department whose counter the role works at, or empty for all
     */
    record StaffRole(LocalGovernmentCode city, String name, String label, Set<Permission> permissions,
                     String department) {
        public StaffRole {
            permissions = Set.copyOf(permissions);
            department = department == null ? "" : department;
        }
    }
}
