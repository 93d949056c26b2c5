package jp.madoguchi.staff.web;

import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

/** お知らせ: the staff page that says in one sentence why there is nothing to show (not found, not yours, wrong input). */
final class MessagePage {

    private MessagePage() {
    }

    static MutableHttpResponse<ModelAndView<Map<String, Object>>> of(HttpStatus status, String message) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .body(new ModelAndView<>("staff/error", Map.of("message", message)));
    }
}
