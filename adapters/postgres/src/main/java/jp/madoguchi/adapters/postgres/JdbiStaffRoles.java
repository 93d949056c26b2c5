package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.staff.Permission;
import org.jdbi.v3.core.Jdbi;

/** The city's roles in PostgreSQL. */
@Singleton
public class JdbiStaffRoles implements StaffRoles {

    private final Jdbi jdbi;

    public JdbiStaffRoles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<StaffRole> list(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT city_code, name, label, permissions, department FROM staff_role
                        WHERE city_code = :city ORDER BY name""")
                .bind("city", city.value())
                .map((rs, ctx) -> role(rs))
                .list());
    }

    @Override
    public Optional<StaffRole> find(LocalGovernmentCode city, String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT city_code, name, label, permissions, department FROM staff_role
                        WHERE city_code = :city AND name = :name""")
                .bind("city", city.value())
                .bind("name", name)
                .map((rs, ctx) -> role(rs))
                .findOne());
    }

    @Override
    public void save(StaffRole role) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO staff_role (city_code, name, label, permissions, department)
                        VALUES (:city, :name, :label, :permissions, :department)
                        ON CONFLICT (city_code, name) DO UPDATE
                            SET label = :label, permissions = :permissions, department = :department""")
                .bind("city", role.city().value())
                .bind("name", role.name())
                .bind("label", role.label())
                .bind("permissions", role.permissions().stream().map(Permission::name).sorted().toArray(String[]::new))
                .bind("department", role.department())
                .execute());
    }

    private static StaffRole role(ResultSet rs) throws SQLException {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : (String[]) rs.getArray("permissions").getArray()) {
            // a permission a later version dropped grants nothing, rather than failing every login
            Arrays.stream(Permission.values()).filter(p -> p.name().equals(name)).forEach(permissions::add);
        }
        return new StaffRole(new LocalGovernmentCode(rs.getString("city_code")), rs.getString("name"),
                rs.getString("label"), permissions, rs.getString("department"));
    }
}
