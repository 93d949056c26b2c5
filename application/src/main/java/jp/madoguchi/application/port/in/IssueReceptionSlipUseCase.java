package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 受付票: what the citizen takes from the kiosk to the counter. */
public interface IssueReceptionSlipUseCase {

    Optional<ReceptionSlip> slip(LocalGovernmentCode city, ReceptionNumber number);

    /**
     * @param qrText the QR payload: a reference to the visit, never personal data
     * @param qrPng  the QR code as a PNG image
     */
    record ReceptionSlip(ReceptionNumber number, int callNumber, Instant openedAt, List<String> procedures,
                         String department, String qrText, byte[] qrPng) {
    }
}
