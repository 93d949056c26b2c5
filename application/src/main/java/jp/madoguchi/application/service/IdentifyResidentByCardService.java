package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.TerminalCardChannel;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.resident.Resident;

/**
 * Hands out challenges for the terminal agents and opens their sealed readings, then looks the holder up by the four
 * items through the registry search, which ranks the candidates. Card data never changes the registry.
 */
public final class IdentifyResidentByCardService implements IdentifyResidentByCardUseCase {

    /** Procedures that need the 個人番号 from the card: 特例転入 finds the 転出証明書情報 by it. */
    static final Set<String> NEED_INDIVIDUAL_NUMBER = Set.of(StartMoveInService.MOVE_IN);
    static final String NOT_PAIRED = "この端末はカード読み取り用に登録されていません。職員にお声がけください"
            + "（管理者が「端末の登録」で登録します）。";

    private final TerminalCardChannel terminals;
    private final SearchResidentsUseCase search;

    private final EraTable eras;

    public IdentifyResidentByCardService(TerminalCardChannel terminals, SearchResidentsUseCase search, EraTable eras) {
        this.eras = eras;
        this.terminals = terminals;
        this.search = search;
    }

    @Override
    public TerminalChallenge challenge(ChallengeCommand command) {
        boolean individualNumber = command.roleAllowsIndividualNumber()
                && command.procedureCodes().stream().anyMatch(NEED_INDIVIDUAL_NUMBER::contains);
        return terminals.challenge(command.city(), command.terminalId(), individualNumber)
                .<TerminalChallenge>map(c -> new TerminalChallenge.Issued(c, individualNumber))
                .orElseGet(() -> new TerminalChallenge.Refused(NOT_PAIRED));
    }

    @Override
    public CardIdentification identify(IdentifyByCardCommand command) {
        CardReading reading = terminals.open(command.city(), command.terminalId(), command.reading());
        if (reading instanceof CardReading.Failed failed) {
            return new CardIdentification.Failed(failed.message(), failed.triesLeft());
        }
        if (reading instanceof CardReading.ResidenceCard card) {
            return byResidenceCard(command, card);
        }
        if (!(reading instanceof CardReading.Read)) {
            return new CardIdentification.Failed("カードを読み取れませんでした。もう一度お試しください。", -1);
        }
        CardReading.Read read = (CardReading.Read) reading;
        CardFace face = read.face();
        FourItems items = new FourItems(face.name(), face.address(), birthDate(face.birthDate(), eras).orElse(null), face.sex());
        return new CardIdentification.Identified(face, read.individualNumber(), search.byFourItems(command.city(), items, command.operator()));
    }

    /**
     * A 在留カード's chip holds no text of the name: the number it authenticated with finds the resident, and the
     * values shown are the registry's (the search is recorded in the access history).
     */
    private CardIdentification byResidenceCard(IdentifyByCardCommand command, CardReading.ResidenceCard card) {
        Optional<Resident> found = search.byResidenceCardNumber(command.city(), card.cardNumber(), command.operator());
        if (found.isEmpty()) {
            return new CardIdentification.Failed("この" + card.kind() + "の番号は住民登録にありません。受付票をお取りになり、窓口で職員にお声がけください。", -1);
        }
        Resident r = found.get();
        CardFace face = new CardFace(r.nameForDisplay(), r.address().fullText(), r.birthDateForDisplay(), r.sex(),
                IdentityDocument.RESIDENCE_CARD);
        return new CardIdentification.Identified(face, null, List.of(new ResidentCandidate(r, 100, true)));
    }

    /** The chip's birth date: {@code YYYYMMDD} as the readers we know give it, or 和暦 text. */
    static Optional<LocalDate> birthDate(String text, EraTable eras) {
        String value = text.strip();
        try {
            if (value.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return WarekiDate.parse(value, eras).toLocalDate();
    }
}
