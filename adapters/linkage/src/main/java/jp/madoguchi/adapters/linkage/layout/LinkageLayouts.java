package jp.madoguchi.adapters.linkage.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where layouts come from: the city's own layout folder first ({@code <linkage ID>.layout}), else the layout the
 * project ships (docs/architecture.md, forward linkage defaults). Layouts are read at every import, so an edit takes effect on the next
 * file without a restart.
 */
public final class LinkageLayouts {

    private final Path cityFolder;

    /** @param cityFolder the folder with the city's layouts; may be null or missing */
    public LinkageLayouts(Path cityFolder) {
        this.cityFolder = cityFolder;
    }

    public Optional<LinkageLayout> layout(String linkageId) {
        if (!linkageId.matches("\\d{3}o\\d{3}")) {
            return Optional.empty();
        }
        String name = linkageId + ".layout";
        try {
            if (cityFolder != null && Files.isRegularFile(cityFolder.resolve(name))) {
                Path file = cityFolder.resolve(name);
                return Optional.of(checked(LinkageLayout.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()), linkageId));
            }
            try (InputStream shipped = LinkageLayouts.class.getResourceAsStream("/linkage/layouts/" + name)) {
                if (shipped == null) {
                    return Optional.empty();
                }
                return Optional.of(checked(LinkageLayout.parse(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), name), linkageId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("連携レイアウト " + name + " を読めません", e);
        }
    }

    private static LinkageLayout checked(LinkageLayout layout, String linkageId) {
        if (!layout.linkageId().equals(linkageId)) {
            throw new LayoutException(linkageId + ".layout", 0, "ファイル名の連携ID と「連携ID:」の行（" + layout.linkageId() + "）が違います");
        }
        return layout;
    }
}
