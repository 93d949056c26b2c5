package jp.madoguchi.application.port.out;

import java.io.IOException;

/** Where alerts go to the city's contact (a webhook of their chat or ticket system). */
public interface AlertChannel {

    /** Where, for the page ("https://…", or empty when nowhere is set). */
    String destination();

    void send(AlertLog.Alert alert) throws IOException;
}
