package jp.madoguchi.domain.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 関連手続の一覧 of one reception: what was determined for which life event, from which answers, by which rule
 * versions, and what the clerk added or removed since (a removal is kept with its reason, never erased).
 *
 * @param version optimistic-lock counter: two clerks editing the same list cannot overwrite each other
 */
public record RelatedProcedureList(LifeEvent event, String kind, LocalDate eventDate, Map<String, String> answers,
                                   Instant determinedAt, String determinedBy, List<Item> items, long version) {

    /** Where a listed procedure came from. */
    public enum Origin { RULE, CLERK }

    public RelatedProcedureList {
        Objects.requireNonNull(event, "ライフイベントがありません");
        Objects.requireNonNull(eventDate, "異動日がありません");
        answers = Map.copyOf(answers);
        items = List.copyOf(items);
    }

    /** A fresh list from a determination. */
    public static RelatedProcedureList determined(EventFacts facts, List<Suggestion> suggestions, String by, Instant at,
                                                  long previousVersion) {
        List<Item> items = new ArrayList<>();
        for (Suggestion s : suggestions) {
            items.add(new Item(items.size() + 1, s.procedureCode(), s.memberId(), s.memberName(), s.reasons(),
                    Origin.RULE, null));
        }
        return new RelatedProcedureList(facts.event(), facts.kind(), facts.eventDate(), facts.answers(), at, by, items,
                previousVersion);
    }

    /** The procedures still on the list (not removed). */
    public List<Item> current() {
        return items.stream().filter(i -> i.removal() == null).toList();
    }

    /** 削除: takes a procedure off the list; the reason is required and kept. */
    public RelatedProcedureList remove(int seq, String by, Instant at, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Rejection("procedure.related-procedure-list", "削除する理由を入力してください（例: 職場の健康保険に加入済み）");
        }
        List<Item> changed = new ArrayList<>();
        boolean found = false;
        for (Item item : items) {
            if (item.seq() == seq && item.removal() == null) {
                changed.add(new Item(item.seq(), item.procedureCode(), item.memberId(), item.memberName(), item.reasons(),
                        item.origin(), new Removal(by, at, reason.strip())));
                found = true;
            } else {
                changed.add(item);
            }
        }
        if (!found) {
            throw new Rejection("procedure.related-procedure-list", "削除する手続が一覧にありません（すでに削除されています）");
        }
        return new RelatedProcedureList(event, kind, eventDate, answers, determinedAt, determinedBy, changed, version);
    }

    /** 追加: the clerk adds a procedure the rules did not suggest, with the reason to print. */
    public RelatedProcedureList add(String procedureCode, String memberId, String memberName, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Rejection("procedure.related-procedure-list", "追加する理由を入力してください（案内書に印刷します）");
        }
        boolean listed = current().stream().anyMatch(i -> i.procedureCode().equals(procedureCode)
                && Objects.equals(i.memberId(), memberId));
        if (listed) {
            throw new Rejection("procedure.related-procedure-list", "その手続はすでに一覧にあります");
        }
        List<Item> changed = new ArrayList<>(items);
        int seq = items.stream().mapToInt(Item::seq).max().orElse(0) + 1;
        changed.add(new Item(seq, procedureCode, memberId, memberName,
                List.of(new Suggestion.Reason("CLERK", 0, Map.of("ja", reason.strip()))), Origin.CLERK, null));
        return new RelatedProcedureList(event, kind, eventDate, answers, determinedAt, determinedBy, changed, version);
    }

    /** One procedure on the list, for one member or (memberId null) the household. */
    public record Item(int seq, String procedureCode, String memberId, String memberName,
                       List<Suggestion.Reason> reasons, Origin origin, Removal removal) {
        public Item {
            reasons = List.copyOf(reasons);
        }
    }

    /** Who removed a procedure, when and why. */
    public record Removal(String by, Instant at, String reason) {
    }
}
