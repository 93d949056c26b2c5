package jp.madoguchi.application.port.out;

import java.time.Instant;

/** A signed chain head of the access history: every entry up to {@code seq} is vouched for by the signature. */
public record AuditCheckpoint(long seq, Instant at) {
}
