package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.reception.ReceptionNumber;

/** Another operator changed the record after it was read; nothing was overwritten. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }

    /** The message a clerk sees when a colleague changed the visit first. */
    public static ConcurrentUpdateException onReception(ReceptionNumber number) {
        return new ConcurrentUpdateException("受付番号 " + number
                + " は他の職員が先に更新しました。画面を読み込み直してから操作してください。");
    }
}
