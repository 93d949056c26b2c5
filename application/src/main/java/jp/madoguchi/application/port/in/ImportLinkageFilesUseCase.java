package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LoadOutcome;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 前方連携の取込: imports the complete files waiting in a source into the city's replica, oldest first within
 * each linkage ID. Each file is all or nothing; good files are archived, refused ones quarantined with their
 * report.
 */
public interface ImportLinkageFilesUseCase {

    /** Imports from the sources this installation polls; {@code by} is recorded in the access history per file. */
    ImportSummary importConfigured(LocalGovernmentCode city, ImportProgress progress, Operator by);

    /** Imports from a folder or an {@code s3://bucket/prefix} address a person named. */
    ImportSummary importFrom(String location, LocalGovernmentCode city, ImportProgress progress, Operator by);

    /**
     * Runs {@code rows} generated rows through the import's checking path without storing anything, so the first
     * FULL file after a restart loads as fast as later ones; returns how long it took.
     */
    java.time.Duration warmUp(int rows);

    /** Told what is happening, for a progress bar. */
    interface ImportProgress {

        ImportProgress NONE = new ImportProgress() {
        };

        default void fileStarted(LinkageFile file, int index, int count) {
        }

        default void bytesRead(LinkageFile file, long bytes) {
        }

        default void fileFinished(FileResult result) {
        }
    }

    record FileResult(LinkageFile file, LoadOutcome outcome, String message) {

        public boolean applied() {
            return outcome instanceof LoadOutcome.Applied;
        }

        public boolean refused() {
            return outcome instanceof LoadOutcome.Rejected || outcome instanceof LoadOutcome.OutOfOrder;
        }
    }

    record ImportSummary(String source, List<FileResult> files, List<String> skipped) {

        public ImportSummary {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }

        public long applied() {
            return files.stream().filter(FileResult::applied).count();
        }

        public long refused() {
            return files.stream().filter(FileResult::refused).count();
        }
    }
}
