package jp.madoguchi.application.port.out;

/**
 * What pruning the access history removed.
 *
 * @param removed    how many entries
 * @param throughSeq the checkpoint the remaining chain now starts after (0 when nothing was ever pruned)
 */
public record AuditPruning(long removed, long throughSeq) {
}
