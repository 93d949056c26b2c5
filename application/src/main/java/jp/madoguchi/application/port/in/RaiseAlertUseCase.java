package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.application.port.out.AlertLog.Alert;

/** 警報: an error on the server reaches the city's contact and the administrator's page. */
public interface RaiseAlertUseCase {

    void raise(String source, String message);

    List<Alert> newest(int limit);
}
