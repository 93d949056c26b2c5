package jp.madoguchi.adapters.postgres.statistics;

import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.reception.Channel;

/** The labels of the rows whose key is a code of the domain (a channel, a 転入's basis, a life event). */
final class StatisticsLabels {

    private StatisticsLabels() {
    }

    /** A channel, or a 転入's basis counted within its channel. */
    static String channel(String key) {
        return switch (key) {
            case "PAPER_CERTIFICATE" -> "うち転出証明書（紙）から";
            case "SPECIAL_MOVE_IN" -> "うち特例転入（マイナンバーカード）";
            default -> Channel.valueOf(key).label();
        };
    }

    static String lifeEvent(String code) {
        try {
            return LifeEvent.valueOf(code).label();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
