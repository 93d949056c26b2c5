package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/** Answers, signatures and print records in memory; a later answer to the same question replaces the earlier. */
class InMemoryReceptionPaperwork implements ReceptionPaperwork {

    private final Map<String, Map<String, String>> answers = [:]
    private final Map<String, Signature> signatures = [:]
    private final Map<String, List<PrintRecord>> prints = [:]

    private static String key(LocalGovernmentCode city, ReceptionNumber number) {
        city.value() + '/' + number.value()
    }

    @Override
    Map<String, String> answers(LocalGovernmentCode city, ReceptionNumber number) {
        new TreeMap<>(answers.getOrDefault(key(city, number), [:]))
    }

    @Override
    void saveAnswers(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> given, String by, Instant at) {
        answers.computeIfAbsent(key(city, number)) { [:] }.putAll(given)
    }

    @Override
    Optional<Signature> signature(LocalGovernmentCode city, ReceptionNumber number) {
        Optional.ofNullable(signatures[key(city, number)])
    }

    @Override
    void saveSignature(LocalGovernmentCode city, ReceptionNumber number, Signature signature) {
        signatures[key(city, number)] = signature
    }

    @Override
    void recordPrint(LocalGovernmentCode city, ReceptionNumber number, PrintRecord print) {
        prints.computeIfAbsent(key(city, number)) { [] } << print
    }

    @Override
    List<PrintRecord> prints(LocalGovernmentCode city, ReceptionNumber number) {
        List.copyOf(prints.getOrDefault(key(city, number), []))
    }

    /** A revoked confirmation takes the signature with it (as the database adapter does). */
    void removeSignature(LocalGovernmentCode city, ReceptionNumber number) {
        signatures.remove(key(city, number))
    }
}
