package jp.madoguchi.domain.reception;

import java.util.Objects;
import java.util.regex.Pattern;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 窓口: a counter of a department where visitors are called to (「市民課 1番窓口」). A visit waiting at a department
 * is called to one of its counters; the call display in the waiting area shows the number and the counter.
 */
public record ServiceCounter(String code, String name, Department department) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

    public ServiceCounter {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Rejection("counter.code", "窓口コードは英大文字・数字・ハイフンの20文字以内です（例: SHIMIN-1）: " + code);
        }
        if (name == null || name.isBlank() || name.strip().length() > 30) {
            throw new Rejection("counter.name", "窓口の名前を30文字以内で入れてください（例: 1番窓口）");
        }
        name = name.strip();
        Objects.requireNonNull(department, "窓口の課がありません");
    }

    /** As the display and the timeline say it: 「市民課 1番窓口」. */
    public String displayName() {
        return department.name() + " " + name;
    }
}
