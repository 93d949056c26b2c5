package jp.madoguchi.kiosk.web;

import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

/**
 * アクセシビリティ方針と試験結果: what the citizen's screens aim at (JIS X 8341-3:2016 AA), how they are tested and
 * what is not done yet, as public bodies publish it. Anyone may read it, from a kiosk or from home.
 */
@Controller("/kiosk/accessibility")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class AccessibilityStatementController {

    @Get
    @View("kiosk/accessibility")
    public Map<String, Object> statement() {
        return Map.of();
    }
}
