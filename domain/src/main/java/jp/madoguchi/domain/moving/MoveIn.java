package jp.madoguchi.domain.moving;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 転入: what a 転入届 reception is filled from — the 転出証明書 of the person it was opened with (read from its 2D
 * code, or under 特例転入 the 転出証明書情報 the former city sent), which of the two it was, and the certificates of
 * the family moving in with them (同一世帯で転入する者), each read the same way. A 転入 of four is one visit with four
 * certificates, so the 住民異動届 lists all four and nobody writes a name.
 */
public record MoveIn(MoveInBasis basis, MoveOutCertificate certificate, List<MoveOutCertificate> companions) {

    public MoveIn {
        Objects.requireNonNull(basis, "転入の根拠がありません");
        Objects.requireNonNull(certificate, "転出証明書の内容がありません");
        companions = List.copyOf(companions == null ? List.of() : companions);
    }

    public MoveIn(MoveInBasis basis, MoveOutCertificate certificate) {
        this(basis, certificate, List.of());
    }

    /** Everyone moving in on this visit, the person it was opened with first. */
    public List<MoveOutCertificate> movers() {
        List<MoveOutCertificate> all = new ArrayList<>(companions.size() + 1);
        all.add(certificate);
        all.addAll(companions);
        return List.copyOf(all);
    }

    /**
     * The same 転入 with one more family member's certificate. The same person twice (the same certificate, or the
     * same name and birth date) is refused: a code held to the reader again must not add a fifth member to four.
     */
    public MoveIn with(MoveOutCertificate companion) {
        Objects.requireNonNull(companion, "転出証明書の内容がありません");
        for (MoveOutCertificate mover : movers()) {
            if (samePerson(mover, companion)) {
                throw new Rejection("moving.mover-twice", companion.name() + " さんの転出証明書はもう読み取っています");
            }
        }
        List<MoveOutCertificate> more = new ArrayList<>(companions);
        more.add(companion);
        return new MoveIn(basis, certificate, more);
    }

    private static boolean samePerson(MoveOutCertificate a, MoveOutCertificate b) {
        if (a.certificateNumber() != null && a.certificateNumber().equals(b.certificateNumber())
                && a.fromCity().equals(b.fromCity())) {
            return true;
        }
        return withoutSpaces(a.name()).equals(withoutSpaces(b.name()))
                && Objects.equals(a.birthDateForDisplay(), b.birthDateForDisplay());
    }

    /** 見本 花子 and 見本　花子 are one name: certificates differ in the space between family and given name. */
    private static String withoutSpaces(String name) {
        return name.replaceAll("[\\s\u3000]", "");
    }
}
