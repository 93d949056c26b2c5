package jp.madoguchi.application.port.out;

/**
 * Hands a finalized reception to the back office (後方連携) so nobody re-keys it. Deliveries are atomic (no
 * reader sees half a file) and idempotent (a reception delivered twice lands once).
 */
public interface BackOfficeExport {

    ExportReceipt deliver(ExportRecord record);
}
