package jp.madoguchi.adapters.postgres.archviolation;

import jp.madoguchi.adapters.export.RpaFolderCsvExport;

/** Deliberately wrong: one adapter module reaching into another instead of going through a port. */
public class StoreCallingTheExport {

    public Object exportAfterSaving() {
        return new RpaFolderCsvExport(java.nio.file.Path.of("exports"));
    }
}
