package jp.madoguchi.domain.handoff;

import java.util.Map;
import java.util.Optional;

/**
 * コード表: the codes the core systems expect for a value (続柄 世帯主 → 02, 異動事由 転入 → 11 …), one list per name,
 * shipped as data and replaceable by the city's own.
 */
public record CodeLists(Map<String, Map<String, String>> lists) {

    public CodeLists {
        lists = Map.copyOf(lists);
    }

    public boolean has(String list) {
        return lists.containsKey(list);
    }

    public Optional<String> code(String list, String value) {
        Map<String, String> codes = lists.get(list);
        return codes == null ? Optional.empty() : Optional.ofNullable(codes.get(value.strip()));
    }
}
