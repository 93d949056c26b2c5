package jp.madoguchi.staff.jobs.archviolation;

import jp.madoguchi.adapters.export.RpaFolderCsvExport;

/** Deliberately wrong: a job that builds an adapter instead of calling a use case. */
public class JobUsingAdapter {

    public Object export() {
        return new RpaFolderCsvExport(java.nio.file.Path.of("exports"));
    }
}
