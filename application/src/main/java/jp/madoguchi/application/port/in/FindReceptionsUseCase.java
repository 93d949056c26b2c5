package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionState;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/** 受付一覧と受付の詳細 for the counter staff. */
public interface FindReceptionsUseCase {

    /** 受付情報照会 answers at most this many visits: a narrower search finds the rest. */
    int SEARCH_LIMIT = 200;

    /** Today's visits, newest first. */
    List<ReceptionSummary> today(LocalGovernmentCode city);

    /**
     * 受付情報照会: the visits of any days that match the search, newest first, at most {@link #SEARCH_LIMIT}. A search
     * by name goes through the registry search and is recorded as one. Without {@code withNames} (supervisors) no
     * resident is read at all and the name column says so.
     */
    List<ReceptionSummary> search(LocalGovernmentCode city, ReceptionSearch search, Operator by, boolean withNames);

    /**
     * The conditions of 受付情報照会; {@code null} or blank for any.
     *
     * @param name a name in kanji (exact, as registered) or its フリガナ (the beginning is enough)
     */
    record ReceptionSearch(LocalDate from, LocalDate to, ReceptionState state, String procedureCode,
                           String departmentCode, Integer callNumber, String name) {
        public ReceptionSearch {
            Objects.requireNonNull(from, "照会の初日がありません");
            Objects.requireNonNull(to, "照会の末日がありません");
            if (to.isBefore(from)) {
                throw new Rejection("reception.search-period", "照会の末日（" + to + "）が初日（" + from + "）より前です。");
            }
            if (from.plusDays(366).isBefore(to)) {
                throw new Rejection("reception.search-period", "照会の期間は1年までにしてください。");
            }
            if (callNumber != null && callNumber < 1) {
                throw new Rejection("reception.search-call-number", "呼出番号は1以上の数字です: " + callNumber);
            }
            procedureCode = blankToNull(procedureCode);
            departmentCode = blankToNull(departmentCode);
            name = blankToNull(name);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** The visit with its resident's record: a view of that resident, recorded in the access history. */
    Optional<ReceptionDetails> details(LocalGovernmentCode city, ReceptionNumber number, Operator by);

    /** The department (担当課) serving the reception now, without touching its resident's data. */
    Optional<jp.madoguchi.domain.procedure.Department> departmentOf(LocalGovernmentCode city, ReceptionNumber number);

    /** @param calling where a waiting visit was called to, or that it was 不在; blank when not called */
    record ReceptionSummary(ReceptionNumber number, Instant openedAt, Channel channel, List<String> procedures,
                            ReceptionState state, String department, String departmentCode, String residentName,
                            String calling) {
    }

    /**
     * @param moveIn         for a 転入届, the 転出証明書 content it was opened with
     * @param unconfirmedCard the card face waiting for the clerk's 本人確認, with {@code candidates} from the registry
     */
    record ReceptionDetails(Reception reception, Optional<Resident> resident, Optional<MoveIn> moveIn,
                            Optional<CardFace> unconfirmedCard, List<IdentifyResidentByCardUseCase.ResidentCandidate> candidates) {
        public ReceptionDetails {
            candidates = List.copyOf(candidates);
        }
    }
}
