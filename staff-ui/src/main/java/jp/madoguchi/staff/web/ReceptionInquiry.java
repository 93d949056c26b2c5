package jp.madoguchi.staff.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Introspected;
import jp.madoguchi.application.port.in.FindReceptionsUseCase.ReceptionSearch;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 受付情報照会 as the form sent it: the fields as typed (so the page shows them again), the search they ask for and
 * the choices of the selects. A reception number, or the text a handheld scanner types from the slip's QR code
 * ({@code MADOGUCHI:R:<city>:<number>}), names one visit and opens it.
 */
@Introspected
public record ReceptionInquiry(String from, String to, String state, String procedure, String department, String call,
                               String number, String name) {

    private static final String QR_PREFIX = "MADOGUCHI:R:";

    /** A choice of a select, with whether the form had it chosen. */
    @Introspected
    public record Choice(String value, String label, boolean selected) {
    }

    public ReceptionInquiry {
        from = clean(from);
        to = clean(to);
        state = clean(state);
        procedure = clean(procedure);
        department = clean(department);
        call = clean(call);
        number = clean(number);
        name = clean(name);
    }

    public static ReceptionInquiry none() {
        return new ReceptionInquiry("", "", "", "", "", "", "", "");
    }

    /** Whether anything was asked (else the page lists today's visits as before). */
    public boolean asked() {
        return !(from + to + state + procedure + department + call + number + name).isEmpty();
    }

    /** The one visit the number field names: a reception number or a slip's QR text (of this city's slips only). */
    public Optional<ReceptionNumber> receptionNumber(LocalGovernmentCode city) {
        if (number.isEmpty()) {
            return Optional.empty();
        }
        String text = number;
        if (number.startsWith(QR_PREFIX)) {
            String[] parts = number.substring(QR_PREFIX.length()).split(":");
            if (parts.length != 2 || !parts[0].equals(city.value())) {
                throw new Rejection("reception.search-other-city", "この市の受付票のQRコードではありません。");
            }
            text = parts[1];
        }
        try {
            return Optional.of(ReceptionNumber.parse(text));
        } catch (RuntimeException e) {
            throw new Rejection("reception.search-number", "受付番号は 20261122-0007 の形で入力するか、受付票のQRコードを読み取ってください: " + number);
        }
    }

    /** The search; an empty period is today. */
    public ReceptionSearch search(LocalDate today) {
        LocalDate first = from.isEmpty() ? (to.isEmpty() ? today : date(to, "末日")) : date(from, "初日");
        LocalDate last = to.isEmpty() ? (from.isEmpty() ? today : first) : date(to, "末日");
        Integer callNumber = null;
        if (!call.isEmpty()) {
            try {
                callNumber = Integer.parseInt(call.replace("番", ""));
            } catch (NumberFormatException e) {
                throw new Rejection("reception.search-call-number", "呼出番号は数字で入力してください: " + call);
            }
        }
        ReceptionState chosen = null;
        if (!state.isEmpty()) {
            try {
                chosen = ReceptionState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw new Rejection("reception.search-state", "状態の指定が正しくありません: " + state);
            }
        }
        return new ReceptionSearch(first, last, chosen, procedure, department, callNumber, name);
    }

    public List<Choice> states() {
        return Arrays.stream(ReceptionState.values()).map(s -> new Choice(s.name(), s.label(), s.name().equals(state))).toList();
    }

    public List<Choice> procedures(ListProceduresUseCase catalogue) {
        return catalogue.everything().stream().map(p -> new Choice(p.code(), p.name(), p.code().equals(procedure))).toList();
    }

    public List<Choice> departments(ListProceduresUseCase catalogue) {
        return catalogue.departments().stream().map(d -> new Choice(d.code(), d.name(), d.code().equals(department))).toList();
    }

    private static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("reception.search-date", what + "は 2026-12-01 の形で入力してください: " + text);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
