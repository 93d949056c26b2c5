package jp.madoguchi.adapters.postgres;

import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.VisitLanguages;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** The visit's language in {@code reception.language}. */
@Singleton
public class JdbiVisitLanguages implements VisitLanguages {

    private final Jdbi jdbi;

    public JdbiVisitLanguages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean set(LocalGovernmentCode city, ReceptionNumber number, Language language) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE reception SET language = :language WHERE city_code = :city AND number = :number")
                .bind("language", language.code()).bind("city", city.value()).bind("number", number.value())
                .execute()) == 1;
    }

    @Override
    public Optional<Language> of(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT language FROM reception WHERE city_code = :city AND number = :number")
                .bind("city", city.value()).bind("number", number.value())
                .mapTo(String.class).findOne()).flatMap(Language::of);
    }
}
