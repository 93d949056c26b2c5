package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** A reception's answers, signature and prints in PostgreSQL. */
@Singleton
public class JdbiReceptionPaperwork implements ReceptionPaperwork {

    private final Jdbi jdbi;

    public JdbiReceptionPaperwork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, String> answers(LocalGovernmentCode city, ReceptionNumber number) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT key, value FROM reception_answer WHERE city_code = :city AND number = :number ORDER BY key")
                .bind("city", city.value()).bind("number", number.value())
                .map((rs, ctx) -> answers.put(rs.getString(1), rs.getString(2))).list());
        return answers;
    }

    @Override
    public void saveAnswers(LocalGovernmentCode city, ReceptionNumber number, Map<String, String> answers, String by, Instant at) {
        jdbi.useTransaction(h -> answers.forEach((key, value) -> h.createUpdate("""
                        INSERT INTO reception_answer (city_code, number, key, value, answered_by, answered_at)
                        VALUES (:city, :number, :key, :value, :by, :at)
                        ON CONFLICT (city_code, number, key) DO UPDATE SET value = EXCLUDED.value,
                            answered_by = EXCLUDED.answered_by, answered_at = EXCLUDED.answered_at""")
                .bind("city", city.value()).bind("number", number.value()).bind("key", key).bind("value", value)
                .bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute()));
    }

    @Override
    public Optional<Signature> signature(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT png, sha256, signed_at, taken_by FROM reception_signature WHERE city_code = :city AND number = :number""")
                .bind("city", city.value()).bind("number", number.value())
                .map((rs, ctx) -> new Signature(rs.getBytes(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4))).findOne());
    }

    @Override
    public void saveSignature(LocalGovernmentCode city, ReceptionNumber number, Signature signature) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reception_signature (city_code, number, png, sha256, signed_at, taken_by)
                        VALUES (:city, :number, :png, :sha, :at, :by)
                        ON CONFLICT (city_code, number) DO UPDATE SET png = EXCLUDED.png, sha256 = EXCLUDED.sha256,
                            signed_at = EXCLUDED.signed_at, taken_by = EXCLUDED.taken_by""")
                .bind("city", city.value()).bind("number", number.value()).bind("png", signature.png())
                .bind("sha", signature.sha256()).bind("at", OffsetDateTime.ofInstant(signature.signedAt(), ZoneOffset.UTC))
                .bind("by", signature.takenBy()).execute());
    }

    @Override
    public void recordPrint(LocalGovernmentCode city, ReceptionNumber number, PrintRecord print) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reception_form_print (city_code, number, form_id, form_version, printer, printed_by, printed_at)
                        VALUES (:city, :number, :form, :version, :printer, :by, :at)""")
                .bind("city", city.value()).bind("number", number.value()).bind("form", print.formId())
                .bind("version", print.formVersion()).bind("printer", print.printer()).bind("by", print.printedBy())
                .bind("at", OffsetDateTime.ofInstant(print.printedAt(), ZoneOffset.UTC)).execute());
    }

    @Override
    public List<PrintRecord> prints(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT form_id, form_version, printer, printed_by, printed_at FROM reception_form_print
                         WHERE city_code = :city AND number = :number ORDER BY seq""")
                .bind("city", city.value()).bind("number", number.value())
                .map((rs, ctx) -> new PrintRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).list());
    }
}
