package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 事前入力: the citizen chooses the procedures at home and gets a QR code; at the city hall the kiosk's scanner
 * reads it and the visit opens with those procedures. The code is a reference, never personal data.
 */
public interface PreEntryUseCase {

    default PreparedPreEntry prepare(LocalGovernmentCode city, List<String> procedureCodes) {
        return prepare(city, procedureCodes, Map.of());
    }

    /**
     * With the answers to the procedures' questions given on the phone (choices, counts, dates; never who the
     * citizen is). They are checked as at the kiosk, kept sealed under the code, and go into the visit it opens.
     */
    PreparedPreEntry prepare(LocalGovernmentCode city, List<String> procedureCodes, Map<String, String> answers);

    /** The questions the phone may ask for these procedures: the kiosk's, each once. */
    List<KioskHearingUseCase.KioskQuestion> questions(LocalGovernmentCode city, List<String> procedureCodes);

    /**
     * Opens the visit a code stands for, once. The same kiosk reading the code again within minutes (a scanner
     * reading twice, a citizen trying again) is shown that visit while it waits; anyone else is refused.
     *
     * @param scanned the QR text as the handheld scanner typed it
     */
    Redemption redeem(LocalGovernmentCode city, String scanned, Operator operator);

    /** @param qrPng the code as a QR image to show on the phone or print */
    record PreparedPreEntry(String code, byte[] qrPng, Instant expiresAt, List<String> procedureNames) {
    }

    sealed interface Redemption {

        record Opened(Reception reception) implements Redemption {
        }

        /** The code could not open a visit; {@code message} says why, for the citizen. */
        record Refused(String message) implements Redemption {
        }
    }
}
