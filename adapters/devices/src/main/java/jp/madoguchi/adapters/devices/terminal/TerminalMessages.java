package jp.madoguchi.adapters.devices.terminal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Sex;

/** The two messages server and agent seal for each other; each side writes one and reads the other. */
final class TerminalMessages {

    private static final String NONCE = "nonce";
    private static final String INDIVIDUAL_NUMBER = "individualNumber";
    private static final String EXPIRES = "expires";

    private TerminalMessages() {
    }

    /** The server's request: read the card once, before {@code expires}, with the 個人番号 only when allowed. */
    record Challenge(String nonce, boolean individualNumber, long expiresEpochSecond) {

        String sealWith(TerminalSeal seal) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(NONCE, nonce);
            fields.put(INDIVIDUAL_NUMBER, individualNumber ? "1" : "0");
            fields.put(EXPIRES, String.valueOf(expiresEpochSecond));
            return seal.seal(TerminalSeal.Purpose.CHALLENGE, fields);
        }

        /** @throws TerminalSeal.Untrusted when it was not sealed for this terminal */
        static Challenge openWith(TerminalSeal seal, String envelope) {
            Map<String, String> fields = seal.open(TerminalSeal.Purpose.CHALLENGE, envelope);
            return new Challenge(fields.getOrDefault(NONCE, ""), "1".equals(fields.get(INDIVIDUAL_NUMBER)),
                    Long.parseLong(fields.getOrDefault(EXPIRES, "0")));
        }
    }

    /** The agent's answer: the card face, and the 個人番号 when the challenge allowed it. */
    record Reading(String nonce, CardFace face, IndividualNumber individualNumber) {

        String sealWith(TerminalSeal seal) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(NONCE, nonce);
            fields.put("name", face.name());
            fields.put("address", face.address());
            fields.put("birthDate", face.birthDate());
            fields.put("sex", face.sex() == null ? "" : face.sex().code());
            fields.put("document", face.document().name());
            if (individualNumber != null) {
                fields.put(INDIVIDUAL_NUMBER, individualNumber.reveal());
            }
            return seal.seal(TerminalSeal.Purpose.READING, fields);
        }

        /**
         * @throws TerminalSeal.Untrusted       when it was not sealed for this terminal
         * @throws IllegalArgumentException when it opens but does not hold a card face
         */
        static Reading openWith(TerminalSeal seal, String envelope) {
            return from(seal.open(TerminalSeal.Purpose.READING, envelope));
        }

        /** @throws IllegalArgumentException when the fields do not hold a card face */
        static Reading from(Map<String, String> fields) {
            String sex = fields.getOrDefault("sex", "");
            String number = fields.getOrDefault(INDIVIDUAL_NUMBER, "");
            // an agent from before licences were read sends no document: it could only read My Number Cards
            IdentityDocument document = IdentityDocument.valueOf(fields.getOrDefault("document", IdentityDocument.MY_NUMBER_CARD.name()));
            return new Reading(fields.getOrDefault(NONCE, ""),
                    new CardFace(fields.get("name"), fields.get("address"), fields.get("birthDate"),
                            sex.isEmpty() ? null : Sex.fromCode(sex), document),
                    number.isEmpty() ? null : new IndividualNumber(number));
        }
    }

    /** The agent's answer for a 在留カード: the chip authenticated with this number; its kind as the chip says. */
    record ResidenceCardReading(String nonce, String cardNumber, String kind) {

        static final String DOCUMENT = "RESIDENCE_CARD";

        String sealWith(TerminalSeal seal) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(NONCE, nonce);
            fields.put("document", DOCUMENT);
            fields.put("residenceCardNumber", cardNumber);
            fields.put("kind", kind);
            return seal.seal(TerminalSeal.Purpose.READING, fields);
        }

        /** Empty when the envelope holds a card face instead. */
        static java.util.Optional<ResidenceCardReading> from(Map<String, String> fields) {
            if (!DOCUMENT.equals(fields.get("document"))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ResidenceCardReading(fields.getOrDefault(NONCE, ""),
                    fields.getOrDefault("residenceCardNumber", ""), fields.getOrDefault("kind", "")));
        }
    }
}
