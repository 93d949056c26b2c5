package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.PreEntryAnswerSeals
import jp.madoguchi.domain.reception.PreEntryCode

/** Answers "sealed" as readable text tagged with the code: opens only with the same code, as the real seal does. */
class TaggedPreEntryAnswerSeals implements PreEntryAnswerSeals {

    @Override
    byte[] seal(PreEntryCode code, Map<String, String> answers) {
        (code.text() + '\n' + answers.collect { k, v -> "${k}=${v}" }.join('\n')).getBytes('UTF-8')
    }

    @Override
    Map<String, String> open(PreEntryCode code, byte[] sealed) {
        def lines = new String(sealed, 'UTF-8').readLines()
        if (lines.isEmpty() || lines[0] != code.text()) {
            throw new IllegalArgumentException('封じた回答をこのコードで開けません')
        }
        lines.drop(1).collectEntries { line -> def kv = line.split('=', 2); [(kv[0]): kv[1]] }
    }
}
