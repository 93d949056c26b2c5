package jp.madoguchi.demo;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import jp.madoguchi.demo.synthetic.SyntheticHousehold;

/** Writes households as forward-linkage files (001o005 and the business layouts), e.g. for synthetic data. */
public interface LinkageFileWriter {

    /** Starts one FULL file per linkage ID in {@code folder}, named with the timestamp {@code asOf}. */
    Session open(Path folder, LocalDateTime asOf);

    /** An open set of files; nothing is visible under its final name until {@link #finish()}. */
    interface Session extends AutoCloseable {

        void write(List<SyntheticHousehold> households);

        /** Flushes, syncs and moves the files to their final names; returns them. */
        List<Path> finish();

        /** Abandons unfinished files. */
        @Override
        void close();
    }
}
