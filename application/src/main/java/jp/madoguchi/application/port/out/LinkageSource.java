package jp.madoguchi.application.port.out;

import java.util.List;

/**
 * A place the core systems deliver linkage files to: a drop folder, or a bucket in object storage. Only
 * complete files are offered (a {@code .end} marker where the source requires one).
 */
public interface LinkageSource {

    /** Where this is, for people: a folder path or an {@code s3://} address. */
    String description();

    /** Complete files waiting to be imported, in any order. */
    List<LinkageFile> pending();

    /** A local copy to read; closing it removes any temporary download. */
    LocalCopy fetch(LinkageFile file);

    /** The file was imported (or was a repeat): keep it sealed in the archive, and remove the plain file. */
    void archive(LinkageFile file);

    /** Removes archived files archived before {@code before}; returns how many. */
    int purgeArchive(java.time.Instant before);

    /** The file was refused: move it aside with the report beside it, so nothing is lost. */
    void quarantine(LinkageFile file, String report);
}
