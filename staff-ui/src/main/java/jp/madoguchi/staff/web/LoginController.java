package jp.madoguchi.staff.web;

import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

/** The login page; the form posts to Micronaut Security's {@code /login}. */
@Controller("/staff")
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class LoginController {

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @View("staff/login")
    public Map<String, Object> login(@Nullable @QueryValue String error) {
        return Map.of("error", error != null);
    }

    @Get("/forbidden")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @View("staff/forbidden")
    public Map<String, Object> forbidden() {
        return Map.of();
    }
}
