package jp.madoguchi.application.fakes

import jp.madoguchi.application.contract.FormDefinitionsContract
import jp.madoguchi.application.contract.HandoffOutboxContract
import jp.madoguchi.application.contract.MoveInsContract
import jp.madoguchi.application.contract.PairedTerminalsContract
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
import jp.madoguchi.application.port.out.PairedTerminals
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
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

/*
 * The in-memory fakes run the same contracts as the PostgreSQL stores (JdbiContractsSpec in adapters-postgres), so a
 * use-case spec over a fake tells what the real store would do.
 */

class InMemoryReceptionsContractSpec extends ReceptionsContract {
    def store = new InMemoryReceptions()

    Receptions receptions() { store }
}

class InMemoryReceptionPaperworkContractSpec extends ReceptionPaperworkContract {
    def store = new InMemoryReceptionPaperwork()

    ReceptionPaperwork paperwork() { store }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { number }
}

class InMemoryStaffSessionsContractSpec extends jp.madoguchi.application.contract.StaffSessionsContract {
    def store = new InMemoryStaffSessions()

    jp.madoguchi.application.port.out.StaffSessions sessions() { store }
}

class InMemoryStaffAccountsContractSpec extends StaffAccountsContract {
    def store = new InMemoryStaffAccounts()

    StaffAccounts accounts() { store }
}

class InMemoryPreEntriesContractSpec extends PreEntriesContract {
    def store = new InMemoryPreEntries()

    PreEntries preEntries() { store }
}

class InMemoryUnconfirmedCardsContractSpec extends UnconfirmedCardsContract {
    def store = new InMemoryUnconfirmedCards()

    UnconfirmedCards cards() { store }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { number }
}

class InMemoryResidentRegistryContractSpec extends ResidentRegistryContract {
    def store = new InMemoryResidentRegistry()

    ResidentRegistry registry() { store }

    ResidentReplica replica() { store }
}

class InMemoryMoveInsContractSpec extends MoveInsContract {
    def store = new InMemoryMoveIns()

    MoveIns moveIns() { store }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { number }
}

class InMemoryStaffRolesContractSpec extends StaffRolesContract {
    def store = new InMemoryStaffRoles()

    StaffRoles roles() { store }
}

class InMemoryProcedureRulesContractSpec extends ProcedureRulesContract {
    def store = new InMemoryRules()

    ProcedureRules rules() { store }
}

class InMemoryRelatedProcedureListsContractSpec extends RelatedProcedureListsContract {
    def store = new InMemoryRules()

    RelatedProcedureLists lists() { store }

    ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number) { number }
}

class InMemoryFormDefinitionsContractSpec extends FormDefinitionsContract {
    def store = new TextFormRendering()

    FormDefinitions forms() { store }
}

class InMemoryPairedTerminalsContractSpec extends PairedTerminalsContract {
    def store = new InMemoryPairedTerminals()

    PairedTerminals terminals() { store }
}

class InMemoryHandoffOutboxContractSpec extends HandoffOutboxContract {
    def store = new InMemoryHandoffOutbox()

    HandoffOutbox outbox() { store }
}

class InMemoryKioskHelpCallsContractSpec extends jp.madoguchi.application.contract.KioskHelpCallsContract {
    def store = new InMemoryKioskHelpCalls()

    jp.madoguchi.application.port.out.KioskHelpCalls calls() { store }
}
