package jp.madoguchi.application.service;

import jp.madoguchi.domain.reception.Reception;

/**
 * The text of a reception QR code: a reference to the visit (city and reception number), never personal
 * data, so a lost slip tells nothing about its holder.
 */
public final class ReceptionReference {

    public static final String PREFIX = "MADOGUCHI:R:";

    private ReceptionReference() {
    }

    public static String of(Reception reception) {
        return PREFIX + reception.city().value() + ":" + reception.number().value();
    }
}
