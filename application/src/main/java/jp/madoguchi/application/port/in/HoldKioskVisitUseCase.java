package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * What the kiosk remembers between 本人確認 and 受付: who the card holder standing at it is and what they chose,
 * under a random token, for a few minutes at most. The page carries only the token, so a visitor cannot start a
 * visit for somebody else; a finished or abandoned visit is forgotten. Kept in the database, so whichever server
 * the next request of the kiosk reaches knows it.
 */
public interface HoldKioskVisitUseCase {

    /**
     * A card holder and the procedures they chose: identified ({@code resident}), or with the card face for the clerk
     * to confirm when the card matched no registry entry exactly ({@code card}); {@code document} is the card read.
     */
    record KioskVisit(String kiosk, AddresseeNumber resident, CardFace card, List<String> procedures,
                      IdentityDocument document, List<String> offered) {

        public KioskVisit {
            if ((resident == null) == (card == null)) {
                throw new IllegalArgumentException("a kiosk visit holds either a resident or a card face");
            }
            procedures = checked(procedures);
            document = card != null ? card.document() : document == null ? IdentityDocument.MY_NUMBER_CARD : document;
            offered = offered == null ? List.of() : List.copyOf(offered);
        }

        public KioskVisit(String kiosk, AddresseeNumber resident, CardFace card, List<String> procedures) {
            this(kiosk, resident, card, procedures, null, null);
        }

        public KioskVisit(String kiosk, AddresseeNumber resident, CardFace card, List<String> procedures,
                          IdentityDocument document) {
            this(kiosk, resident, card, procedures, document, null);
        }

        /** A visit's procedures: at least one, each once, in the order chosen. */
        public static List<String> checked(List<String> procedures) {
            if (procedures == null || procedures.isEmpty()) {
                throw new Rejection("kiosk.procedures-missing", "手続を1つ以上選んでください");
            }
            return List.copyOf(new java.util.LinkedHashSet<>(procedures));
        }

        /** The same visit with the procedures the citizen ticked. */
        public KioskVisit choosing(List<String> chosen) {
            return new KioskVisit(kiosk, resident, card, chosen, document, offered);
        }
    }

    /** Remembers the visit; returns the token the page carries. */
    String open(LocalGovernmentCode city, KioskVisit visit);

    /** The visit, still held: for the pages between 本人確認 and 受付 (the questions, the confirmation). */
    Optional<KioskVisit> find(LocalGovernmentCode city, String token, String kiosk);

    /**
     * The procedures the page of a life event offered (its notification and what the rules suggested), kept with the
     * visit so the choice is checked against them without running the rules, and recording the access, again.
     *
     * @return false when the visit is gone
     */
    boolean offer(LocalGovernmentCode city, String token, String kiosk, List<String> offered);

    /**
     * The citizen ticked the procedures that apply (a life event's related procedures): they replace the visit's.
     * A procedure the page did not offer (a page altered by hand) is refused.
     *
     * @return false when the visit is gone (expired, taken, another kiosk's)
     */
    boolean choose(LocalGovernmentCode city, String token, String kiosk, List<String> procedures);

    /** Takes the visit out: a token serves once, and only at the kiosk where the card was read. */
    Optional<KioskVisit> close(LocalGovernmentCode city, String token, String kiosk);

    /** Remembers that {@code kiosk} issued {@code reception}, so it (and only it) may show the slip for a while. */
    void issued(LocalGovernmentCode city, String kiosk, String reception);

    boolean mayShowSlip(LocalGovernmentCode city, String kiosk, String reception);
}
