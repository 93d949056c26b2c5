package jp.madoguchi.kiosk.language;

/** Where the language choice leads back to: a citizen's page of this server, never another site. */
final class BackPath {

    private BackPath() {
    }

    static String of(String back) {
        if (back == null || !back.startsWith("/kiosk") || back.startsWith("/kiosk/language") || back.contains("//")
                || back.contains("\\") || back.chars().anyMatch(c -> c < 0x20)) {
            return "/kiosk";
        }
        return back;
    }
}
