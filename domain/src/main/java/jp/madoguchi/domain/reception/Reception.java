package jp.madoguchi.domain.reception;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 受付: one visit to the city hall, from the kiosk or the counter to the finished procedures.
 *
 * <p>A visit is opened with the procedures the citizen asked for (at the 記載台, at the counter or by a
 * pre-entry QR). Staff then hear what is missing (聞き取り), let the citizen check the forms (確認), print
 * them (印刷) and finish (完了). A visit can be sent on to another department (回付) at any point before it
 * is finished; the next department starts again with 聞き取り. Every step is written to the timeline with its
 * time and operator, so the visit can be told afterwards and measured (waiting and handling times).
 *
 * <p>The related procedures the clerk keeps (関連手続) are adopted into the visit, so their forms print with the
 * others. Each department finishes its own procedures: 完了 at one counter finishes that department's procedures and,
 * while another department still has some open, sends the visit on to it; the visit is 完了 when none is left.
 *
 * <p>{@code version} is the optimistic-lock counter the persistence adapter checks: two clerks changing the
 * same visit cannot overwrite each other.
 */
public final class Reception {

    private final LocalGovernmentCode city;
    private final ReceptionNumber number;
    private final Channel channel;
    private AddresseeNumber resident;
    private final List<Procedure> procedures;
    private final List<TimelineEntry> timeline;
    private final long version;
    /** How many timeline entries the store already holds; the rest are new. */
    private final int storedEntries;
    private ReceptionState state;
    private Department department;
    /** Codes of the procedures adopted from the related-procedure list (not asked for when the visit opened). */
    private final Set<String> adopted;
    /** When each finished procedure was finished, by code. */
    private final Map<String, Instant> finished;
    /** Whether procedures were adopted, withdrawn or finished since the visit was loaded: the store rewrites them then. */
    private boolean proceduresChanged;
    private Calling calling;

    /**
     * How far each procedure of a visit has come, as the store keeps it.
     *
     * @param adopted  codes of the procedures taken over from the related-procedure list
     * @param finished when each finished procedure was finished, by code
     */
    public record Progress(Set<String> adopted, Map<String, Instant> finished) {
        public static final Progress NONE = new Progress(Set.of(), Map.of());

        public Progress {
            adopted = Set.copyOf(adopted);
            finished = Map.copyOf(finished);
        }
    }

    private Reception(LocalGovernmentCode city, ReceptionNumber number, Channel channel, AddresseeNumber resident,
                      List<Procedure> procedures, ReceptionState state, Department department,
                      List<TimelineEntry> timeline, long version, int storedEntries, Progress progress,
                      Calling calling) {
        this.city = Objects.requireNonNull(city, "地方公共団体コードがありません");
        this.number = Objects.requireNonNull(number, "受付番号がありません");
        this.channel = Objects.requireNonNull(channel, "受付経路がありません");
        this.resident = resident;
        this.procedures = new ArrayList<>(requireProcedures(procedures));
        this.state = Objects.requireNonNull(state, "状態がありません");
        this.department = Objects.requireNonNull(department, "担当課がありません");
        this.timeline = new ArrayList<>(timeline);
        this.version = version;
        this.storedEntries = storedEntries;
        this.adopted = new LinkedHashSet<>(progress.adopted());
        this.finished = new LinkedHashMap<>(progress.finished());
        this.calling = Objects.requireNonNull(calling, "呼出の記録がありません");
        if (this.timeline.isEmpty()) {
            throw new Rejection("reception.reception", "受付の経過がありません");
        }
    }

    /**
     * Opens a visit.
     *
     * @param resident the identified resident, or null when the visitor is not (yet) identified
     */
    public static Reception open(LocalGovernmentCode city, ReceptionNumber number, Channel channel,
                                 AddresseeNumber resident, List<Procedure> procedures, Operator by, Instant at) {
        List<Procedure> requested = requireProcedures(procedures);
        TimelineEntry opened = entry(at, ReceptionState.RECEIVED, by,
                channel.label() + "で受付（" + String.join("・", requested.stream().map(Procedure::name).toList()) + "）",
                requested.get(0).department());
        return new Reception(city, number, channel, resident, requested, ReceptionState.RECEIVED,
                requested.get(0).department(), List.of(opened), 0, 0, Progress.NONE, Calling.NONE);
    }

    /** Rebuilds a stored visit; for persistence adapters only. */
    public static Reception restore(LocalGovernmentCode city, ReceptionNumber number, Channel channel,
                                    AddresseeNumber resident, List<Procedure> procedures, ReceptionState state,
                                    Department department, List<TimelineEntry> timeline, long version,
                                    Progress progress, Calling calling) {
        return new Reception(city, number, channel, resident, procedures, state, department, timeline, version,
                timeline.size(), progress, calling);
    }

    /** Waiting to be called or taken up at its department (受付 or 回付). */
    public boolean isWaiting() {
        return state == ReceptionState.RECEIVED || state == ReceptionState.REFERRED;
    }

    /**
     * 呼出: calls the visit's number to a counter of its department; calling it to the same counter again is a
     * 再呼出. A visitor marked absent can be called again by hand.
     */
    public void call(ServiceCounter counter, Operator by, Instant at) {
        Objects.requireNonNull(counter, "窓口がありません");
        if (!isWaiting()) {
            throw new ReceptionStateException("受付番号 " + number + " は「" + state.label() + "」のため呼び出せません");
        }
        if (!counter.department().equals(department)) {
            throw new ReceptionStateException("受付番号 " + number + " は" + department.name() + "でお待ちです（"
                    + counter.displayName() + "には呼び出せません）");
        }
        Calling.Call last = calling.last();
        boolean again = last != null && last.counterCode().equals(counter.code());
        int times = again ? last.times() + 1 : 1;
        append(callEntry(at, by, (again ? "再呼出（" : "呼出（") + counter.displayName() + "）", counter.code(),
                counter.displayName()));
        calling = new Calling(calling.firstCalledAt() == null ? at : calling.firstCalledAt(),
                new Calling.Call(counter.code(), counter.displayName(), at, times, false));
    }

    /** 不在: the called visitor did not come; the number leaves the display until it is called again. */
    public void markAbsent(Operator by, Instant at) {
        Calling.Call last = calling.last();
        if (last == null || !isWaiting()) {
            throw new ReceptionStateException("受付番号 " + number + " は呼出中ではありません");
        }
        append(callEntry(at, by, "呼出に応答なし（不在、" + last.counterName() + "）", last.counterCode(), last.counterName()));
        calling = new Calling(calling.firstCalledAt(), new Calling.Call(last.counterCode(), last.counterName(), last.at(),
                last.times(), true));
    }

    public Calling calling() {
        return calling;
    }

    /** 聞き取りを開始: a clerk takes the visit up at the counter. */
    public void startHearing(Operator by, Instant at) {
        moveTo(ReceptionState.HEARING, by, at, department.name() + "で聞き取りを開始");
    }

    /**
     * 確認: the pre-filled content has been checked, by the citizen on the counter tablet or, recorded by a clerk,
     * read out at the counter. Only the tablet's confirmation says the citizen confirmed it.
     */
    public void confirm(Operator by, Instant at) {
        moveTo(ReceptionState.CONFIRMING, by, at, by.kind() == Operator.Kind.STAFF
                ? "職員が申請内容の確認を記録" : "本人が申請内容を確認");
    }

    /** 印刷: the forms have been printed. */
    public void markPrinted(Operator by, Instant at, String what) {
        moveTo(ReceptionState.PRINTED, by, at, what);
    }

    /**
     * 完了 at the current department: finishes its open procedures. While another department still has open
     * procedures the visit is sent on (回付) to the first of them; otherwise the whole visit is 完了.
     *
     * @return the procedures finished now, each owed to the back office once
     */
    public List<Procedure> complete(Operator by, Instant at) {
        requireCanMoveTo(ReceptionState.COMPLETED);
        List<Procedure> mine = openProcedures().stream().filter(p -> p.department().equals(department)).toList();
        mine.forEach(p -> finished.put(p.code(), at));
        proceduresChanged |= !mine.isEmpty();
        List<Procedure> left = openProcedures();
        if (left.isEmpty()) {
            moveTo(ReceptionState.COMPLETED, by, at, "受付を完了");
            return mine;
        }
        Department next = left.get(0).department();
        String done = mine.isEmpty() ? "" : department.name() + "の手続を完了（" + names(mine) + "）、";
        append(entry(at, ReceptionState.REFERRED, by, done + department.name() + "から" + next.name()
                + "へ回付（残りの手続: " + names(left.stream().filter(p -> p.department().equals(next)).toList()) + "）", next));
        state = ReceptionState.REFERRED;
        department = next;
        calling = new Calling(calling.firstCalledAt(), null);
        return mine;
    }

    /**
     * 関連手続を受付に追加: the related procedures the clerk keeps become procedures of this visit, so their forms are
     * printed with the others and each department finishes its own.
     *
     * @return the procedures newly added (those already on the visit are left as they are)
     */
    public List<Procedure> adopt(List<Procedure> kept, Operator by, Instant at) {
        if (state == ReceptionState.COMPLETED) {
            throw new ReceptionStateException("完了した受付には手続を追加できません（受付番号 " + number + "）");
        }
        Set<String> present = new HashSet<>(procedures.stream().map(Procedure::code).toList());
        List<Procedure> added = new ArrayList<>();
        for (Procedure p : kept) {
            if (present.add(p.code())) {
                added.add(p);
            }
        }
        if (!added.isEmpty()) {
            append(entry(at, state, by, "関連手続を受付に追加（" + names(added) + "）"));
            procedures.addAll(added);
            added.forEach(p -> adopted.add(p.code()));
            proceduresChanged = true;
        }
        return List.copyOf(added);
    }

    /**
     * Takes back an adopted related procedure the clerk has removed from the list, while it is still open. A procedure
     * the visitor asked for, or one already finished, stays.
     *
     * @return whether the procedure was taken off the visit
     */
    public boolean withdraw(String procedureCode, Operator by, Instant at, String reason) {
        if (!adopted.contains(procedureCode) || finished.containsKey(procedureCode) || state == ReceptionState.COMPLETED) {
            return false;
        }
        Procedure gone = procedures.stream().filter(p -> p.code().equals(procedureCode)).findFirst().orElseThrow();
        append(entry(at, state, by, "関連手続を受付から除外（" + gone.name() + "、理由: " + reason.strip() + "）"));
        procedures.remove(gone);
        adopted.remove(procedureCode);
        proceduresChanged = true;
        return true;
    }

    /** The procedures a department has finished, in the order of the visit. */
    public List<Procedure> finishedProcedures() {
        return procedures.stream().filter(p -> finished.containsKey(p.code())).toList();
    }

    /** Whether procedures were adopted, withdrawn or finished since the visit was opened or loaded; for the store. */
    public boolean proceduresChanged() {
        return proceduresChanged;
    }

    /** The procedures no department has finished yet, in the order of the visit. */
    public List<Procedure> openProcedures() {
        return procedures.stream().filter(p -> !finished.containsKey(p.code())).toList();
    }

    /** Whether {@code procedureCode} was adopted from the related-procedure list. */
    public boolean adopted(String procedureCode) {
        return adopted.contains(procedureCode);
    }

    /** When a procedure was finished, if it has been. */
    public Optional<Instant> finishedAt(String procedureCode) {
        return Optional.ofNullable(finished.get(procedureCode));
    }

    /** The progress of each procedure, for the store. */
    public Progress progress() {
        return new Progress(adopted, finished);
    }

    private static String names(List<Procedure> procedures) {
        return String.join("・", procedures.stream().map(Procedure::name).toList());
    }

    /** 回付: sends the visit to another department, with the reason staff give. */
    public void referTo(Department next, Operator by, Instant at, String reason) {
        Objects.requireNonNull(next, "回付先がありません");
        if (state == ReceptionState.COMPLETED) {
            throw new ReceptionStateException("完了した受付は回付できません（受付番号 " + number + "）");
        }
        if (next.equals(department)) {
            throw new ReceptionStateException("回付先が現在の担当課と同じです");
        }
        String because = reason == null || reason.isBlank() ? "" : "（" + reason.strip() + "）";
        append(entry(at, ReceptionState.REFERRED, by, department.name() + "から" + next.name() + "へ回付" + because, next));
        state = ReceptionState.REFERRED;
        department = next;
        calling = new Calling(calling.firstCalledAt(), null);
    }

    /**
     * 本人確認: a clerk names the registry entry of a visitor whose card did not match one exactly. Only an
     * unidentified, unfinished visit can be identified; the identity of an identified visit is not changed here.
     */
    public void identify(AddresseeNumber who, Operator by, Instant at, String how) {
        Objects.requireNonNull(who, "宛名番号がありません");
        if (resident != null) {
            throw new ReceptionStateException("受付番号 " + number + " は本人確認済みです");
        }
        if (state == ReceptionState.COMPLETED) {
            throw new ReceptionStateException("完了した受付の本人は変えられません（受付番号 " + number + "）");
        }
        append(entry(at, state, by, "本人確認（宛名番号 " + who.value() + "、" + how + "）"));
        resident = who;
    }

    /** Writes something that happened without changing the state, e.g. 「申請書PDFを表示」. */
    public void record(Operator by, Instant at, String description) {
        append(entry(at, state, by, description));
    }

    private void moveTo(ReceptionState next, Operator by, Instant at, String description) {
        requireCanMoveTo(next);
        append(entry(at, next, by, description));
        state = next;
    }

    private void requireCanMoveTo(ReceptionState next) {
        if (!state.canMoveTo(next)) {
            throw new ReceptionStateException("受付番号 " + number + " は「" + state.label() + "」のため「"
                    + next.label() + "」に進めません");
        }
    }

    private void append(TimelineEntry entry) {
        Instant last = timeline.get(timeline.size() - 1).at();
        if (entry.at().isBefore(last)) {
            throw new Rejection("reception.reception", "受付の経過は時刻順に記録します");
        }
        timeline.add(entry);
    }

    /** An entry at the department in charge now. */
    private TimelineEntry entry(Instant at, ReceptionState state, Operator by, String description) {
        return entry(at, state, by, description, department);
    }

    /** An entry of a call at a counter of the department in charge now. */
    private TimelineEntry callEntry(Instant at, Operator by, String description, String counterCode, String counterName) {
        Objects.requireNonNull(by, "操作者がありません");
        return new TimelineEntry(at, state, by.id(), by.displayName(), description, department, counterCode, counterName);
    }

    private static TimelineEntry entry(Instant at, ReceptionState state, Operator by, String description, Department in) {
        Objects.requireNonNull(by, "操作者がありません");
        return new TimelineEntry(at, state, by.id(), by.displayName(), description, in);
    }

    private static List<Procedure> requireProcedures(List<Procedure> procedures) {
        if (procedures == null || procedures.isEmpty()) {
            throw new Rejection("reception.reception", "手続が選ばれていません");
        }
        if (new HashSet<>(procedures.stream().map(Procedure::code).toList()).size() != procedures.size()) {
            throw new Rejection("reception.reception", "同じ手続が重複しています");
        }
        return List.copyOf(procedures);
    }

    public LocalGovernmentCode city() {
        return city;
    }

    public ReceptionNumber number() {
        return number;
    }

    public Channel channel() {
        return channel;
    }

    public Optional<AddresseeNumber> resident() {
        return Optional.ofNullable(resident);
    }

    public List<Procedure> procedures() {
        return List.copyOf(procedures);
    }

    public ReceptionState state() {
        return state;
    }

    /**
     * The department scope: a member of one 担当課 works on that department's receptions only. Checked by every use
     * case that opens a visit for an operator, so a page, a command or an API cannot skip it.
     *
     * @throws OtherDepartmentRejection when {@code operator} does not serve the visit's current department
     */
    public void requireServedBy(Operator operator) {
        if (!operator.serves(department.code())) {
            throw new OtherDepartmentRejection(department);
        }
    }

    public Department department() {
        return department;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    /** Timeline entries written since the visit was opened or loaded, for the store to append. */
    public List<TimelineEntry> unsavedTimeline() {
        return List.copyOf(timeline.subList(storedEntries, timeline.size()));
    }

    public long version() {
        return version;
    }

    /** When the visit was opened. */
    public Instant openedAt() {
        return timeline.get(0).at();
    }

    /** When the visit was finished, if it has been. */
    public Optional<Instant> completedAt() {
        return timeline.stream().filter(e -> e.state() == ReceptionState.COMPLETED).map(TimelineEntry::at).findFirst();
    }
}
