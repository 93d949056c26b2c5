package jp.madoguchi.application.port.out;

/** Where a delivery landed, its checksum, and whether it had already been delivered before. */
public record ExportReceipt(String location, String sha256, boolean alreadyDelivered) {
}
