package jp.madoguchi.staff.web;

import java.util.Map;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

/** The root page: where the kiosk and the staff workstation are. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomeController {

    @Get
    @View("staff/index")
    public Map<String, Object> index() {
        return Map.of();
    }
}
