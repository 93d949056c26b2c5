package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.BackOfficeExport
import jp.madoguchi.application.port.out.ExportReceipt
import jp.madoguchi.application.port.out.ExportRecord

/** Deliveries kept by key, idempotent as the real exports are: a second delivery of a key lands once. */
class RecordingBackOfficeExport implements BackOfficeExport {

    final Map<String, ExportRecord> delivered = [:]

    @Override
    ExportReceipt deliver(ExportRecord record) {
        boolean again = delivered.containsKey(record.key())
        delivered.putIfAbsent(record.key(), record)
        new ExportReceipt('memory:/exports/' + record.key() + '.csv', 'sha256-of-' + record.key(), again)
    }
}
