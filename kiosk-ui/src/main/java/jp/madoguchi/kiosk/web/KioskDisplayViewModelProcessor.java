package jp.madoguchi.kiosk.web;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.beans.BeanMap;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.madoguchi.kiosk.device.KioskDevice;

/**
 * Puts the kiosk's idle time into every kiosk page as {@code kioskIdleSeconds} (after it, with a warning and a way
 * to go on before, the page clears itself back to the start so the next person sees nothing of the last), and
 * {@code kioskDevice}: whether the page is on a registered kiosk, where 職員を呼ぶ has someone to call (a phone at
 * home does not).
 */
@Singleton
public class KioskDisplayViewModelProcessor implements ViewModelProcessor<Object> {

    private final int idleSeconds;

    public KioskDisplayViewModelProcessor(@Property(name = "madoguchi.kiosk.idle-seconds", defaultValue = "60") int idleSeconds) {
        this.idleSeconds = idleSeconds;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Object> modelAndView) {
        if (!request.getPath().startsWith("/kiosk")) {
            return;
        }
        Map<String, Object> model = mutable(modelAndView.getModel().orElse(null));
        model.put("kioskIdleSeconds", idleSeconds);
        model.put("kioskDevice", request.getUserPrincipal(Authentication.class).flatMap(KioskDevice::of).isPresent());
        modelAndView.setModel(model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Object model) {
        if (model == null) {
            return new HashMap<>();
        }
        if (model instanceof Map<?, ?> map) {
            return new HashMap<>((Map<String, Object>) map);
        }
        return new HashMap<>(BeanMap.of(model));
    }
}
