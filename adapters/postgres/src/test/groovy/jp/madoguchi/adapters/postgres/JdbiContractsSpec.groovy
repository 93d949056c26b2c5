package jp.madoguchi.adapters.postgres

import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.adapters.postgres.testing.TestDatabase
import jp.madoguchi.application.contract.FormDefinitionsContract
import jp.madoguchi.application.contract.HandoffOutboxContract
import jp.madoguchi.application.contract.MoveInsContract
import jp.madoguchi.application.contract.ProcedureRulesContract
import jp.madoguchi.application.contract.RelatedProcedureListsContract
import jp.madoguchi.application.contract.PreEntriesContract
import jp.madoguchi.application.contract.ResidentRegistryContract
import jp.madoguchi.application.contract.ReceptionPaperworkContract
import jp.madoguchi.application.contract.ReceptionsContract
import jp.madoguchi.application.contract.StaffAccountsContract
import jp.madoguchi.application.contract.StaffRolesContract
import jp.madoguchi.application.contract.UnconfirmedCardsContract
import jp.madoguchi.application.port.out.FormDefinitions
import jp.madoguchi.application.port.out.HandoffOutbox
import jp.madoguchi.application.port.out.MoveIns
import jp.madoguchi.application.port.out.ProcedureRules
import jp.madoguchi.application.port.out.RelatedProcedureLists
import jp.madoguchi.application.port.out.PreEntries
import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.application.port.out.ResidentReplica
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.application.port.out.StaffRoles
import jp.madoguchi.application.port.out.UnconfirmedCards
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import org.jdbi.v3.postgres.PostgresPlugin

import java.time.Instant

/*
 * The ports' contracts (application's test jar) run against the PostgreSQL stores, each on its own fresh database
 * built by the production migrations; the same contracts run against the in-memory fakes (InMemoryContractsSpec).
 */

final class ContractDatabase {
    private static Jdbi jdbi

    static synchronized Jdbi jdbi() {
        if (jdbi == null) {
            def database = ManagedDatabase.external(TestDatabase.freshDatabaseUrl(), 'postgres', '', 4)
            jdbi = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin())
        }
        jdbi
    }

    /** A stored visit, for the tables that belong to one. */
    static ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) {
        new JdbiReceptions(jdbi()).add(Reception.open(city, number, Channel.COUNTER, null,
                [new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', new Department('SHIMIN', '市民課'), LifeEvent.CERTIFICATE)],
                Operator.staff('clerk', '窓口 一郎'), Instant.parse('2026-11-22T00:00:00Z')))
        number
    }
}

class JdbiReceptionsContractSpec extends ReceptionsContract {
    Receptions receptions() { new JdbiReceptions(ContractDatabase.jdbi()) }
}

class JdbiReceptionPaperworkContractSpec extends ReceptionPaperworkContract {
    ReceptionPaperwork paperwork() { new JdbiReceptionPaperwork(ContractDatabase.jdbi()) }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { ContractDatabase.visit(city, number) }
}

class JdbiStaffSessionsContractSpec extends jp.madoguchi.application.contract.StaffSessionsContract {
    jp.madoguchi.application.port.out.StaffSessions sessions() { new JdbiStaffSessions(ContractDatabase.jdbi()) }
}

class JdbiStaffAccountsContractSpec extends StaffAccountsContract {
    StaffAccounts accounts() { new JdbiStaffAccounts(ContractDatabase.jdbi(), Fixtures.sensitiveItems()) }
}

class JdbiPreEntriesContractSpec extends PreEntriesContract {
    PreEntries preEntries() { new JdbiPreEntries(ContractDatabase.jdbi()) }
}

class JdbiUnconfirmedCardsContractSpec extends UnconfirmedCardsContract {
    UnconfirmedCards cards() { new JdbiUnconfirmedCards(ContractDatabase.jdbi()) }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { ContractDatabase.visit(city, number) }
}

class JdbiResidentRegistryContractSpec extends ResidentRegistryContract {
    def store = new JdbiResidentRegistry(ContractDatabase.jdbi(), Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped())

    ResidentRegistry registry() { store }

    ResidentReplica replica() { store }
}

class JdbiMoveInsContractSpec extends MoveInsContract {
    MoveIns moveIns() { new JdbiMoveIns(ContractDatabase.jdbi()) }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { ContractDatabase.visit(city, number) }
}

class JdbiStaffRolesContractSpec extends StaffRolesContract {
    StaffRoles roles() { new JdbiStaffRoles(ContractDatabase.jdbi()) }
}

class JdbiProcedureRulesContractSpec extends ProcedureRulesContract {
    ProcedureRules rules() { new JdbiProcedureRules(ContractDatabase.jdbi()) }
}

class JdbiRelatedProcedureListsContractSpec extends RelatedProcedureListsContract {
    RelatedProcedureLists lists() { new JdbiRelatedProcedureLists(ContractDatabase.jdbi()) }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { ContractDatabase.visit(city, number) }
}

class JdbiFormDefinitionsContractSpec extends FormDefinitionsContract {
    FormDefinitions forms() { new JdbiFormDefinitions(ContractDatabase.jdbi()) }
}

class JdbiHandoffOutboxContractSpec extends HandoffOutboxContract {
    HandoffOutbox outbox() { new JdbiHandoffOutbox(ContractDatabase.jdbi()) }
}

class JdbiKioskHelpCallsContractSpec extends jp.madoguchi.application.contract.KioskHelpCallsContract {
    jp.madoguchi.application.port.out.KioskHelpCalls calls() { new JdbiKioskHelpCalls(ContractDatabase.jdbi()) }
}
