package jp.madoguchi.application.port.out;

/**
 * The result of walking the audit chain.
 *
 * @param entries   how many entries were checked
 * @param firstBroken the sequence number of the first entry that does not fit the chain, or -1 when all do
 * @param finding   what is wrong there, in Japanese (変更・削除・並べ替え), empty when intact
 */
public record AuditVerification(long entries, long firstBroken, String finding) {

    public boolean intact() {
        return firstBroken < 0;
    }
}
