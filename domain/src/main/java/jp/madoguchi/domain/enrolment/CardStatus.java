package jp.madoguchi.domain.enrolment;

import java.time.LocalDate;

/** 個人番号カードと印鑑登録の状況 (001o013). */
public record CardStatus(boolean cardIssued, LocalDate cardExpires, LocalDate signingCertificateExpires,
                         LocalDate authenticationCertificateExpires, boolean sealRegistered,
                         String sealRegistrationNumber) {

    /** The card is issued and has not expired on {@code day}. */
    public boolean cardValidOn(LocalDate day) {
        return cardIssued && (cardExpires == null || !cardExpires.isBefore(day));
    }
}
