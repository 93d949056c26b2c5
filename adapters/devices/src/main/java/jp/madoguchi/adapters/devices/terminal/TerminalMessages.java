package jp.madoguchi.adapters.devices.terminal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.domain.identity.CardFace;
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
            Map<String, String> fields = seal.open(TerminalSeal.Purpose.READING, envelope);
            String sex = fields.getOrDefault("sex", "");
            String number = fields.getOrDefault(INDIVIDUAL_NUMBER, "");
            return new Reading(fields.getOrDefault(NONCE, ""),
                    new CardFace(fields.get("name"), fields.get("address"), fields.get("birthDate"), sex.isEmpty() ? null : Sex.fromCode(sex)),
                    number.isEmpty() ? null : new IndividualNumber(number));
        }
    }
}
