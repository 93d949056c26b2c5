package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.shared.Rejection;

/** A rendered document: its bytes, media type and a file name for download. */
public record RenderedDocument(String fileName, String mediaType, byte[] content) {

    public RenderedDocument {
        if (content == null || content.length == 0) {
            throw new Rejection("document.empty", "文書が空です");
        }
    }
}
