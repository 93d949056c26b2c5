package jp.madoguchi.application.port.out;

import java.nio.file.Path;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** One linkage file to load into the replica of {@code city}; {@code checksum} is its SHA-256 in hex. */
public record LoadRequest(LocalGovernmentCode city, LinkageFile file, Path path, String checksum, String source) {
}
