package jp.madoguchi.application.port.out;

import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.ReceptionSlip;

/** Lays out a reception slip (受付票) for the kiosk's receipt printer. */
public interface SlipRenderer {

    /** @param paper {@code 58mm}, {@code 80mm} or {@code A4} */
    default RenderedDocument render(ReceptionSlip slip, String municipality, String paper) {
        return render(slip, municipality, paper, SlipWords.JAPANESE);
    }

    /** The slip in the visit's language: its procedure and counter names come translated in {@code slip}. */
    RenderedDocument render(ReceptionSlip slip, String municipality, String paper, SlipWords words);

    /**
     * The fixed words of a printed slip in one language.
     *
     * @param language    the language's code, which chooses the fonts
     * @param waiting     with {0} for the people ahead and {1} for the minutes
     * @param timePattern how the time of reception is written ({@link java.time.format.DateTimeFormatter})
     */
    record SlipWords(String language, String title, String callNumber, String receptionNumber, String opened,
                     String procedures, String waiting, String noWait, String show, String bringId,
                     String timePattern) {

        public static final SlipWords JAPANESE = new SlipWords("ja", "受付票", "呼出番号", "受付番号", "受付", "ご用件",
                "お待ちの方 {0}人（目安 約{1}分）", "お待ちの方はいません。まもなくお呼びします。",
                "番号が呼ばれましたら窓口でこの票をお見せください。",
                "窓口で本人確認書類（運転免許証・在留カードなど）をお見せください。", "M月d日 H時mm分");
    }
}
