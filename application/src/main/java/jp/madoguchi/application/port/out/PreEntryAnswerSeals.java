package jp.madoguchi.application.port.out;

import java.util.Map;

import jp.madoguchi.domain.reception.PreEntryCode;

/**
 * 事前入力の回答を封じる: the answers given on the phone are encrypted under a key derived from the code's random
 * part, which only the citizen's QR code holds; whoever reads the database (which keeps only the code's hash) cannot
 * read them.
 */
public interface PreEntryAnswerSeals {

    byte[] seal(PreEntryCode code, Map<String, String> answers);

    /** @throws IllegalArgumentException when the bytes were not sealed under this code, or were altered */
    Map<String, String> open(PreEntryCode code, byte[] sealed);
}
