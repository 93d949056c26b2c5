package jp.madoguchi.application.port.in;

import java.time.ZoneId;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The city this installation serves and its time zone, as the settings give them: one value the pages, jobs and
 * commands are handed, instead of each reading {@code madoguchi.city.code} and {@code madoguchi.zone} with a default
 * of its own.
 */
public record Installation(LocalGovernmentCode city, String cityName, ZoneId zone) {

    public Installation {
        if (city == null || cityName == null || cityName.isBlank() || zone == null) {
            throw new IllegalArgumentException("市区町村コード・市区町村名・タイムゾーンが必要です");
        }
    }
}
