package jp.madoguchi.application.port.in;

import jp.madoguchi.application.port.out.AuditVerification;

/** アクセス記録の検証: walks the hash chain and names the first entry that was changed, removed or moved. */
public interface VerifyAuditTrailUseCase {

    AuditVerification verify();
}
