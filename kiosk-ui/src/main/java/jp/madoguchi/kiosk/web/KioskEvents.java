package jp.madoguchi.kiosk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;

/**
 * できごとから選ぶ: the life events the kiosk starts from, in the words a citizen uses, each with the notification
 * that starts its visit (the first procedure of that event in the procedure master). The city's related-procedure
 * rules then suggest the rest for the citizen's household.
 */
@Singleton
public class KioskEvents {

    private static final Map<LifeEvent, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(LifeEvent.MOVE_IN, "引っ越してきた");
        WORDS.put(LifeEvent.MOVE_WITHIN_CITY, "市内で引っ越した");
        WORDS.put(LifeEvent.MOVE_OUT, "市外へ引っ越す");
        WORDS.put(LifeEvent.BIRTH, "子どもが生まれた");
        WORDS.put(LifeEvent.MARRIAGE, "結婚した");
        WORDS.put(LifeEvent.DEATH, "家族が亡くなった");
    }

    private final ListProceduresUseCase procedures;

    public KioskEvents(ListProceduresUseCase procedures) {
        this.procedures = procedures;
    }

    /** A life event as the home page offers it. */
    public record EventChoice(String event, String words, String procedure) {
    }

    /** The events whose notification the procedure master has, in the order above. */
    List<EventChoice> offered() {
        return WORDS.entrySet().stream().flatMap(e -> startingProcedure(e.getKey()).stream()
                .map(p -> new EventChoice(e.getKey().name(), e.getValue(), p.code()))).toList();
    }

    /** The event a page posted, when the kiosk offers it. */
    Optional<LifeEvent> event(String code) {
        return code == null ? Optional.empty()
                : WORDS.keySet().stream().filter(e -> e.name().equals(code.strip())).findFirst();
    }

    String words(LifeEvent event) {
        return WORDS.getOrDefault(event, event.label());
    }

    /** The notification a visit for {@code event} starts with. */
    Optional<Procedure> startingProcedure(LifeEvent event) {
        return procedures.everything().stream().filter(p -> p.lifeEvent() == event).findFirst();
    }

    /** A procedure the kiosk may start a visit with: one it offers, or the notification of an event it offers. */
    Optional<Procedure> startable(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Procedure> offered = procedures.all().stream().filter(p -> p.code().equals(code)).findFirst();
        return offered.isPresent() ? offered : WORDS.keySet().stream().flatMap(e -> startingProcedure(e).stream())
                .filter(p -> p.code().equals(code)).findFirst();
    }

    /** Procedures by code, from the whole master (a related procedure need not be offered at the kiosk). */
    Optional<Procedure> any(String code) {
        return procedures.everything().stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
