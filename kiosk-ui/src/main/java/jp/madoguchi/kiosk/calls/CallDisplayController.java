package jp.madoguchi.kiosk.calls;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.CallVisitorsUseCase;
import jp.madoguchi.application.port.in.CallVisitorsUseCase.CallBoard;
import jp.madoguchi.application.port.in.CallVisitorsUseCase.CalledNumber;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.kiosk.device.KioskDevice;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * 呼出表示: the screen in the waiting area, a browser registered as a terminal like a kiosk. It shows, per counter,
 * the number called there last, and how many wait per department; numbers only, never a name. The page is whole
 * without script; with script it follows the calls live over server-sent events and says each new call aloud to
 * screen readers (and with a chime, once someone switched the sound on).
 */
@Controller("/kiosk/calls")
@Secured(KioskDevice.ROLE)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class CallDisplayController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final CallVisitorsUseCase calling;
    private final LocalGovernmentCode city;
    private final ZoneId zone;
    private final Duration poll;

    public CallDisplayController(CallVisitorsUseCase calling, Installation installation,
                                 @Property(name = "madoguchi.calls.display-poll", defaultValue = "1s") Duration poll) {
        this.calling = calling;
        this.city = installation.city();
        this.zone = installation.zone();
        this.poll = poll;
    }

    /** What the display shows, as the page and the events carry it. */
    @Serdeable
    @Introspected
    public record DisplayPage(List<CounterCall> counters, List<DepartmentWaiting> waiting) {
    }

    /**
     * The number a counter called last.
     *
     * @param waiting not yet at the counter: the display highlights it
     * @param id      one call (number, counter and how many times): a new id is a new call to announce
     */
    @Serdeable
    @Introspected
    public record CounterCall(int number, String counter, String time, boolean waiting, String id) {
    }

    @Serdeable
    @Introspected
    public record DepartmentWaiting(String department, int visits) {
    }

    @Get
    @View("kiosk/calls")
    @Header(name = "Cache-Control", value = "no-store")
    public DisplayPage display() {
        return page(calling.board(city));
    }

    /**
     * The display's live feed: the whole board whenever it changes, and every 15 s even if not, so that the display
     * knows the line is alive (and proxies keep it open).
     */
    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Header(name = "Cache-Control", value = "no-store")
    public Publisher<Event<DisplayPage>> events() {
        AtomicReference<DisplayPage> shown = new AtomicReference<>();
        long heartbeat = Math.max(1, Duration.ofSeconds(15).toMillis() / Math.max(1, poll.toMillis()));
        return Flux.interval(Duration.ZERO, poll)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .map(count -> new Tick(count, page(calling.board(city))))
                .filter(t -> !t.page().equals(shown.getAndSet(t.page())) || t.count() % heartbeat == 0)
                .map(t -> Event.of(t.page()).name("board"));
    }

    /** One look at the board, the {@code count}th since the display connected. */
    private record Tick(long count, DisplayPage page) {
    }

    private DisplayPage page(CallBoard board) {
        // the latest call per counter: the board lists the latest first
        Map<String, CalledNumber> perCounter = new LinkedHashMap<>();
        board.calls().forEach(c -> perCounter.putIfAbsent(c.counterCode(), c));
        List<CounterCall> counters = new ArrayList<>();
        perCounter.values().stream()
                .sorted(java.util.Comparator.comparing(CalledNumber::counterName))
                .forEach(c -> counters.add(new CounterCall(c.callNumber(), c.counterName(),
                        TIME.format(c.at().atZone(zone)), c.waiting(), c.number().value() + "/" + c.counterCode() + "/" + c.times())));
        return new DisplayPage(counters, board.waiting().stream()
                .map(w -> new DepartmentWaiting(w.departmentName(), w.visits())).toList());
    }
}
