package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.Resident;

/**
 * Reads the card and looks the holder up by the four items. The birth date narrows the registry down; name,
 * address and sex rank the candidates. Card text may differ from the registry's glyphs, so names are
 * compared on their base characters, without spaces and in one width.
 */
public final class IdentifyResidentByCardService implements IdentifyResidentByCardUseCase {

    /** Below this score a resident is not offered as a candidate. */
    private static final int MINIMUM_SCORE = 50;

    private final MyNumberCardReader reader;
    private final ResidentRegistry registry;

    public IdentifyResidentByCardService(MyNumberCardReader reader, ResidentRegistry registry) {
        this.reader = reader;
        this.registry = registry;
    }

    @Override
    public CardIdentification identify(IdentifyByCardCommand command) {
        CardReading reading = reader.readCardFace(command.pin());
        if (reading instanceof CardReading.Failed failed) {
            return new CardIdentification.Failed(failed.message(), failed.triesLeft());
        }
        CardFace face = ((CardReading.Read) reading).face();
        Optional<LocalDate> born = birthDate(face.birthDate());
        if (born.isEmpty()) {
            return new CardIdentification.Identified(face, List.of());
        }
        List<ResidentCandidate> candidates = registry.bornOn(command.city(), born.get()).stream()
                .filter(r -> !r.status().isRemoved())
                .map(r -> score(face, r))
                .filter(c -> c.score() >= MINIMUM_SCORE)
                .sorted(Comparator.comparingInt(ResidentCandidate::score).reversed())
                .toList();
        return new CardIdentification.Identified(face, candidates);
    }

    private static ResidentCandidate score(CardFace face, Resident resident) {
        boolean name = TextMatching.sameName(face.name(), resident.name().name())
                || resident.name().alias() != null && TextMatching.sameName(face.name(), resident.name().alias());
        boolean address = TextMatching.sameAddress(face.address(), resident.address().fullText());
        boolean sex = face.sex() == resident.sex();
        int score = 20 + (name ? 45 : 0) + (address ? 25 : 0) + (sex ? 10 : 0);
        return new ResidentCandidate(resident, score, name && address && sex);
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
