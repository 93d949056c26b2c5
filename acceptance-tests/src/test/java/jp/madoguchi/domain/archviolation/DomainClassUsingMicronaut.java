package jp.madoguchi.domain.archviolation;

import io.micronaut.core.annotation.Introspected;

/** Deliberately wrong: a "domain" class that uses Micronaut, so the architecture test can show it bites. */
@Introspected
public class DomainClassUsingMicronaut {

    public String describe() {
        return io.micronaut.core.util.StringUtils.capitalize("violation");
    }
}
