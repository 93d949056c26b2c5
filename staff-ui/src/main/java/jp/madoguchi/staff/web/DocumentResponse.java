package jp.madoguchi.staff.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jp.madoguchi.application.port.out.RenderedDocument;

/** A printed document (form, guidance sheet) for the browser: shown inline so its print dialog opens, never cached. */
final class DocumentResponse {

    private DocumentResponse() {
    }

    static MutableHttpResponse<byte[]> inline(RenderedDocument document) {
        return HttpResponse.ok(document.content()).contentType(MediaType.of(document.mediaType()))
                .header("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"")
                .header("Cache-Control", "no-store");
    }
}
