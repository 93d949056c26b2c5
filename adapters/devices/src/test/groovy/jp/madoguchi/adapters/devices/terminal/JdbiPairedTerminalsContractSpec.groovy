package jp.madoguchi.adapters.devices.terminal

import jp.madoguchi.adapters.postgres.ContractDatabase
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.contract.PairedTerminalsContract
import jp.madoguchi.application.port.out.PairedTerminals

/** The paired-terminal store on PostgreSQL keeps the same promises as the fake (InMemoryContractsSpec). */
class JdbiPairedTerminalsContractSpec extends PairedTerminalsContract {
    PairedTerminals terminals() { new JdbiPairedTerminals(ContractDatabase.jdbi(), Fixtures.sensitiveItems()) }
}
