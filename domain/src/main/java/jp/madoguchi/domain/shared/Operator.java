package jp.madoguchi.domain.shared;

import java.util.Set;

import java.util.Objects;

/**
 * Who acts: a member of staff, a kiosk terminal or the system itself, and from which terminal. Every command
 * carries one, so the reception timeline and the audit trail can say who did what, and where.
 *
 * @param terminal    where the act comes from: a kiosk is its own terminal; for staff, the address or terminal
 *                    they logged in from (empty when unknown)
 * @param departments the 担当課 codes whose receptions a member of staff serves (a role tied to one 担当課); empty
 *                    for every department
 * @param individualNumbers whether the member does 個人番号利用事務 (a role allowed to see 個人番号): only then may a
 *                    use case hand a 個人番号 on, e.g. sealed into a back-office record
 */
public record Operator(Kind kind, String id, String displayName, String terminal, Set<String> departments,
                       boolean individualNumbers) {

    /** 操作者の種類. */
    public enum Kind {
        /** 職員. */
        STAFF,
        /** 記載台端末（キオスク）. */
        KIOSK,
        /** システム（バッチ等）. */
        SYSTEM
    }

    public Operator {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new Rejection("shared.operator", "操作者IDがありません");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        terminal = terminal == null || terminal.isBlank() ? (kind == Kind.STAFF ? "" : id) : terminal;
        departments = departments == null ? Set.of() : Set.copyOf(departments);
    }

    public Operator(Kind kind, String id, String displayName, String terminal, Set<String> departments) {
        this(kind, id, displayName, terminal, departments, false);
    }

    public Operator(Kind kind, String id, String displayName, String terminal) {
        this(kind, id, displayName, terminal, Set.of());
    }

    public Operator(Kind kind, String id, String displayName) {
        this(kind, id, displayName, "");
    }

    /** The same operator, acting from {@code terminal}. */
    public Operator at(String terminal) {
        return new Operator(kind, id, displayName, terminal, departments, individualNumbers);
    }

    /** The same member of staff, serving only the 担当課 {@code codes} (none: every department). */
    public Operator serving(Set<String> codes) {
        return new Operator(kind, id, displayName, terminal, codes, individualNumbers);
    }

    /** The same member of staff, doing 個人番号利用事務 (or not). */
    public Operator handlingIndividualNumbers(boolean allowed) {
        return new Operator(kind, id, displayName, terminal, departments, allowed);
    }

    /** Whether this operator may work on a reception of the 担当課 {@code departmentCode}. */
    public boolean serves(String departmentCode) {
        return departments.isEmpty() || departments.contains(departmentCode);
    }

    public static Operator staff(String id, String displayName) {
        return new Operator(Kind.STAFF, id, displayName);
    }

    public static Operator kiosk(String terminalId) {
        return new Operator(Kind.KIOSK, terminalId, "記載台 " + terminalId);
    }

    public static Operator system(String id) {
        return new Operator(Kind.SYSTEM, id, "システム");
    }
}
