package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.identity.CardFace;

/**
 * Reads the card and looks the holder up by the four items through the registry search, which ranks the
 * candidates. Card data never changes the registry.
 */
public final class IdentifyResidentByCardService implements IdentifyResidentByCardUseCase {

    private final MyNumberCardReader reader;
    private final SearchResidentsUseCase search;

    public IdentifyResidentByCardService(MyNumberCardReader reader, SearchResidentsUseCase search) {
        this.reader = reader;
        this.search = search;
    }

    @Override
    public CardIdentification identify(IdentifyByCardCommand command) {
        CardReading reading = reader.read(command.pin(), false);
        if (reading instanceof CardReading.Failed failed) {
            return new CardIdentification.Failed(failed.message(), failed.triesLeft());
        }
        if (!(reading instanceof CardReading.Read)) {
            return new CardIdentification.Failed("カードを読み取れませんでした。もう一度お試しください。", -1);
        }
        CardFace face = ((CardReading.Read) reading).face();
        FourItems items = new FourItems(face.name(), face.address(), birthDate(face.birthDate()).orElse(null), face.sex());
        return new CardIdentification.Identified(face, search.byFourItems(command.city(), items));
    }

    /** The chip's birth date: {@code YYYYMMDD} as the readers we know give it, or 和暦 text. */
    static Optional<LocalDate> birthDate(String text) {
        String value = text.strip();
        try {
            if (value.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return WarekiDate.parse(value, EraTable.standard()).toLocalDate();
    }
}
