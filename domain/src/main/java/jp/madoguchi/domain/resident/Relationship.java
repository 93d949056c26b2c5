package jp.madoguchi.domain.resident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 続柄 (relationship to the 世帯主) in the standard vocabulary of 住民記録システム標準仕様書 1.1.11: 世帯主; a chain of
 * basic terms joined with 「の」 up to four generations (子, 子の妻, 子の子の子の子); 縁故者; 同居人.
 *
 * <p>Terms such as 祖父, 孫 or おじ are not allowed: they are written as chains (孫 = 子の子). Five generations or
 * more are recorded as 縁故者.
 */
public record Relationship(Kind kind, List<Kinship> chain) {

    /** 最大4世代まで「の」でつなげる. */
    public static final int MAX_GENERATIONS = 4;

    public static final Relationship HEAD = new Relationship(Kind.HEAD, List.of());

    /** The shape of a 続柄. */
    public enum Kind {
        HEAD("世帯主"),
        RELATIVE(null),
        CONNECTED_PERSON("縁故者"),
        LODGER("同居人");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The basic terms a chain is made of. */
    public enum Kinship {
        HUSBAND("夫"),
        WIFE("妻"),
        HUSBAND_UNREGISTERED("夫（未届）"),
        WIFE_UNREGISTERED("妻（未届）"),
        CHILD_HUSBAND_OF_CHILD("子（子の夫）"),
        CHILD_WIFE_OF_CHILD("子（子の妻）"),
        CHILD("子"),
        FATHER("父"),
        MOTHER("母"),
        ELDER_BROTHER("兄"),
        ELDER_SISTER("姉"),
        YOUNGER_BROTHER("弟"),
        YOUNGER_SISTER("妹");

        private final String label;

        Kinship(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Longest labels first, so 「子（子の夫）」 wins over 「子」 when parsing. */
        private static final List<Kinship> BY_LABEL_LENGTH = Arrays.stream(values())
                .sorted(Comparator.comparingInt((Kinship k) -> k.label.length()).reversed())
                .toList();
    }

    public Relationship {
        if (kind == null) {
            throw new Rejection("resident.relationship", "続柄の種類がありません");
        }
        chain = chain == null ? List.of() : List.copyOf(chain);
        if (kind == Kind.RELATIVE) {
            if (chain.isEmpty()) {
                throw new Rejection("resident.relationship", "続柄がありません");
            }
            if (chain.size() > MAX_GENERATIONS) {
                throw new Rejection("resident.relationship", "続柄は4世代までです。5世代以上は「縁故者」としてください");
            }
        } else if (!chain.isEmpty()) {
            throw new Rejection("resident.relationship", kind.label + "に続柄の連鎖は付けられません");
        }
    }

    public static Relationship of(Kinship... chain) {
        return new Relationship(Kind.RELATIVE, List.of(chain));
    }

    /**
     * Reads a 続柄 as written in the registry, e.g. 「子の妻」.
     *
     * @throws IllegalArgumentException with a message naming the allowed vocabulary
     */
    public static Relationship parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Rejection("resident.relationship", "続柄がありません");
        }
        String value = text.strip();
        for (Kind kind : Kind.values()) {
            if (value.equals(kind.label)) {
                return new Relationship(kind, List.of());
            }
        }
        List<Kinship> chain = new ArrayList<>();
        int position = 0;
        while (position < value.length()) {
            Kinship next = null;
            for (Kinship candidate : Kinship.BY_LABEL_LENGTH) {
                if (value.startsWith(candidate.label, position)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw new Rejection("resident.relationship", "続柄「" + value + "」は標準の表記ではありません。使える語: 世帯主、"
                        + Arrays.stream(Kinship.values()).map(Kinship::label).collect(Collectors.joining("、"))
                        + "（「の」でつなぐ）、縁故者、同居人");
            }
            chain.add(next);
            position += next.label.length();
            if (position < value.length()) {
                if (value.charAt(position) != 'の' || position + 1 == value.length()) {
                    throw new Rejection("resident.relationship", "続柄「" + value + "」は語を「の」でつないでください");
                }
                position++;
            }
        }
        return new Relationship(Kind.RELATIVE, chain);
    }

    public boolean isHeadOfHousehold() {
        return kind == Kind.HEAD;
    }

    /** The 続柄 as printed: 世帯主, 子の妻, 縁故者 … */
    public String label() {
        if (kind != Kind.RELATIVE) {
            return kind.label;
        }
        if (chain.size() == 1) {
            return chain.get(0).label;
        }
        StringBuilder label = new StringBuilder();
        for (Kinship kinship : chain) {
            label.append(label.length() == 0 ? "" : "の").append(kinship.label);
        }
        return label.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
