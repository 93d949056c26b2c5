package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.application.port.in.ManageStaffUseCase.ImportStaffCommand;
import jp.madoguchi.application.port.in.ManageStaffUseCase.StaffImportRow;
import jp.madoguchi.application.port.in.StaffAccountRules;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 人事異動の一括登録, checked: every row of the file against the rules of a single account, the city's roles and the
 * other rows, each problem named with its line, before anything is written.
 */
record StaffImportPlan(List<Entry> entries, List<String> problems) {

    /** The most rows one file may have: a city's whole staff, with room to spare. */
    static final int MAXIMUM_ROWS = 5_000;
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT)};

    /** A checked row: {@code existing} is the account it changes, {@code null} for a new member. */
    record Entry(String username, String displayName, Set<String> roles, LocalDate validFrom, LocalDate validUntil,
                 StaffAccount existing) {
    }

    static StaffImportPlan of(ImportStaffCommand command, StaffAccounts accounts, StaffRoles roles, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (command.rows().isEmpty()) {
            problems.add("職員の行がありません（1行目は見出し: ユーザーID,氏名,役割,開始日,終了日）");
        }
        if (command.rows().size() > MAXIMUM_ROWS) {
            problems.add("一度に登録できるのは " + MAXIMUM_ROWS + " 行までです（" + command.rows().size() + " 行あります）");
            return new StaffImportPlan(List.of(), problems);
        }
        Map<String, Integer> lines = new HashMap<>();
        for (StaffImportRow row : command.rows()) {
            String at = row.line() + "行目: ";
            int before = problems.size();
            String username = text(row.username());
            try {
                StaffAccountRules.requireUserId(username);
            } catch (Rejection e) {
                problems.add(at + e.getMessage());
            }
            Integer first = lines.putIfAbsent(username, row.line());
            if (first != null && !username.isEmpty()) {
                problems.add(at + "ユーザーID「" + username + "」は " + first + "行目と重なっています");
            }
            String displayName = text(row.displayName());
            if (displayName.isEmpty()) {
                problems.add(at + "氏名がありません");
            }
            Set<String> roleNames = new TreeSet<>(Arrays.stream(text(row.roles()).split("[\\s;；・、]+"))
                    .filter(r -> !r.isEmpty()).toList());
            if (roleNames.isEmpty()) {
                problems.add(at + "役割がありません（役割IDを空白か「・」で区切って書きます。例: CLERK）");
            }
            for (String role : roleNames) {
                if (roles.find(command.city(), role).isEmpty()) {
                    problems.add(at + "役割「" + role + "」はありません（職員と役割の画面の役割IDで書きます）");
                }
            }
            Optional<LocalDate> from = date(row.validFrom(), at + "開始日", problems);
            Optional<LocalDate> until = date(row.validUntil(), at + "終了日", problems);
            if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
                problems.add(at + "終了日 " + until.get() + " が開始日 " + from.get() + " より前です");
            }
            Optional<StaffAccount> existing = username.isEmpty() ? Optional.empty() : accounts.find(username);
            if (existing.isPresent() && !existing.get().city().equals(command.city())) {
                problems.add(at + "ユーザーID「" + username + "」はほかの市区町村の職員が使っています");
            }
            if (existing.isPresent() && username.equals(command.by().id()) && until.isPresent()
                    && until.get().isBefore(today)) {
                problems.add(at + "自分のアカウントの有効期間を終わらせることはできません");
            }
            if (problems.size() == before) {
                entries.add(new Entry(username, displayName, roleNames, from.orElse(null), until.orElse(null),
                        existing.orElse(null)));
            }
        }
        return new StaffImportPlan(List.copyOf(entries), List.copyOf(problems));
    }

    private static Optional<LocalDate> date(String text, String what, List<String> problems) {
        String value = text(text);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        problems.add(what + "「" + value + "」は日付として読めません（2027-04-01 か 2027/4/1 の形で書きます）");
        return Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
