package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** 受付票: what the citizen takes from the kiosk to the counter. */
public interface IssueReceptionSlipUseCase {

    Optional<ReceptionSlip> slip(LocalGovernmentCode city, ReceptionNumber number);

    /**
     * Prints the slip on the kiosk's receipt printer (58 or 80 mm roll, or A4) and notes it on the timeline.
     *
     * @return empty when printed; otherwise what to tell the citizen (the slip stays on screen, nothing is lost)
     */
    Optional<String> print(LocalGovernmentCode city, ReceptionNumber number, SlipPrinter printer, Operator kiosk);

    /** A kiosk's receipt printer: its queue name and paper ({@code 58mm}, {@code 80mm} or {@code A4}). */
    record SlipPrinter(String queue, String paper) {
    }

    /**
     * @param counters       the departments to go to, in visiting order
     * @param waitingAhead   visitors waiting before this one at the first department, not yet called
     * @param estimatedWait  the wait those visitors make at today's pace, in whole minutes (an estimate)
     * @param qrText         the QR payload: a reference to the visit, never personal data
     * @param qrPng          the QR code as a PNG image
     * @param identified     whether the citizen is identified (a card read); if not, the counter asks for an ID
     */
    record ReceptionSlip(ReceptionNumber number, int callNumber, Instant openedAt, List<String> procedures,
                         String department, List<String> counters, int waitingAhead, int estimatedWait,
                         String qrText, byte[] qrPng, boolean identified) {
    }
}
