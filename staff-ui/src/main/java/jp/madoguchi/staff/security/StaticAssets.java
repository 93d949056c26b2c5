package jp.madoguchi.staff.security;

import io.micronaut.http.HttpRequest;

/** The static files (CSS, scripts) under {@code /kiosk/assets/} and {@code /staff/assets/}: no personal data, no forms. */
final class StaticAssets {

    private StaticAssets() {
    }

    static boolean requested(HttpRequest<?> request) {
        return request.getPath().contains("/assets/");
    }
}
