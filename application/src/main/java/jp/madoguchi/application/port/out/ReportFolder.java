package jp.madoguchi.application.port.out;

/**
 * The folder the city sets for the reports written automatically (日報 after closing time). A report appears there
 * whole or not at all.
 */
public interface ReportFolder {

    /** Writes {@code content} as {@code fileName}, replacing an older file of that name; where it went. */
    String write(String fileName, byte[] content);
}
