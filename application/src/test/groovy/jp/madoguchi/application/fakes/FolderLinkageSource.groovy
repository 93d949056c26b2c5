package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.LinkageFile
import jp.madoguchi.application.port.out.LinkageSource
import jp.madoguchi.application.port.out.LinkageSources
import jp.madoguchi.application.port.out.LocalCopy

import java.nio.file.Files
import java.nio.file.Path

/** A drop folder with the source's moves as lists: what was archived, what quarantined with which report. */
class FolderLinkageSource implements LinkageSource, LinkageSources {

    final Path folder
    final List<String> archived = []
    final Map<String, String> quarantined = [:]

    FolderLinkageSource(Path folder) {
        this.folder = folder
    }

    Path drop(String name, String content) {
        Files.writeString(folder.resolve(name), content)
    }

    @Override
    String description() {
        'フォルダ ' + folder.fileName
    }

    @Override
    List<LinkageFile> pending() {
        Files.list(folder).withCloseable { files ->
            files.map { LinkageFile.named(it.fileName.toString(), Files.size(it), it.toString()) }
                    .filter { it.isPresent() }.map { it.get() }.toList()
        }
    }

    @Override
    LocalCopy fetch(LinkageFile file) {
        new LocalCopy(Path.of(file.location()), false)
    }

    @Override
    void archive(LinkageFile file) {
        Files.delete(Path.of(file.location()))
        archived << file.name()
    }

    @Override
    int purgeArchive(java.time.Instant before) {
        purgedBefore << before
        int purged = archived.size()
        archived.clear()
        purged
    }

    /** The cut-off of each purge asked for (the fake treats everything archived as older). */
    final List<java.time.Instant> purgedBefore = []

    @Override
    void quarantine(LinkageFile file, String report) {
        Files.delete(Path.of(file.location()))
        quarantined[file.name()] = report
    }

    @Override
    List<LinkageSource> configured() {
        [this]
    }

    @Override
    LinkageSource at(String location) {
        this
    }
}
