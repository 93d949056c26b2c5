package jp.madoguchi.domain.identity;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 券面事項入力補助用暗証番号: four digits the citizen types at the terminal. It is passed to the card and
 * forgotten: never stored, never logged; {@link #toString()} shows nothing of it.
 */
public record CardPin(String digits) {

    public CardPin {
        if (digits == null || !digits.matches("[0-9]{4}")) {
            throw new Rejection("identity.card-pin", "暗証番号は4桁の数字で入力してください");
        }
    }

    @Override
    public String toString() {
        return "CardPin[****]";
    }
}
