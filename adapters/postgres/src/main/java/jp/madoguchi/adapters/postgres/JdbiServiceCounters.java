package jp.madoguchi.adapters.postgres;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ServiceCounters;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The counters in {@code service_counter}; a new counter comes last in its department. */
@Singleton
public class JdbiServiceCounters implements ServiceCounters {

    private static final RowMapper<ServiceCounter> COUNTER = (rs, ctx) -> new ServiceCounter(rs.getString("code"),
            rs.getString("name"), new Department(rs.getString("department_code"), rs.getString("department_name")));

    private final Jdbi jdbi;

    public JdbiServiceCounters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<ServiceCounter> all(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT code, name, department_code, department_name FROM service_counter WHERE city_code = :city
                         ORDER BY department_code, position, code""")
                .bind("city", city.value()).map(COUNTER).list());
    }

    @Override
    public Optional<ServiceCounter> find(LocalGovernmentCode city, String code) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT code, name, department_code, department_name FROM service_counter
                         WHERE city_code = :city AND code = :code""")
                .bind("city", city.value()).bind("code", code).map(COUNTER).findOne());
    }

    @Override
    public void save(LocalGovernmentCode city, ServiceCounter counter) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_counter (city_code, code, name, department_code, department_name, position)
                        VALUES (:city, :code, :name, :departmentCode, :departmentName,
                                (SELECT coalesce(max(position) + 1, 0) FROM service_counter WHERE city_code = :city))
                        ON CONFLICT (city_code, code) DO UPDATE SET name = excluded.name,
                               department_code = excluded.department_code, department_name = excluded.department_name""")
                .bind("city", city.value()).bind("code", counter.code()).bind("name", counter.name())
                .bind("departmentCode", counter.department().code()).bind("departmentName", counter.department().name())
                .execute());
    }

    @Override
    public boolean remove(LocalGovernmentCode city, String code) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM service_counter WHERE city_code = :city AND code = :code")
                .bind("city", city.value()).bind("code", code).execute()) > 0;
    }
}
