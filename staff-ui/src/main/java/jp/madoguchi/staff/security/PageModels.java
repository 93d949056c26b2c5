package jp.madoguchi.staff.security;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.core.beans.BeanMap;

/**
 * A page's model as the view processors add to it. Pages hand over a typed record (its components are the template's
 * variables, checked by the compiler) or, where not converted yet, a map; both become one mutable map here.
 */
public final class PageModels {

    private PageModels() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutable(Object model) {
        if (model == null) {
            return new HashMap<>();
        }
        if (model instanceof Map<?, ?> map) {
            return new HashMap<>((Map<String, Object>) map);
        }
        return new HashMap<>(BeanMap.of(model));
    }
}
