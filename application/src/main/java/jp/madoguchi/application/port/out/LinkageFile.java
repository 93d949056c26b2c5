package jp.madoguchi.application.port.out;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forward-linkage file waiting in a source. Its name says what it is (docs/architecture.md, forward linkage):
 * {@code <連携ID>_<YYYYMMDDhhmmss>_<FULL|DIFF>.csv}.
 *
 * @param location where the source keeps it (a path or an object key), for messages and for the source itself
 */
public record LinkageFile(String linkageId, String name, LocalDateTime stamp, Kind kind, long size, String location) {

    public enum Kind { FULL, DIFF }

    private static final Pattern NAME = Pattern.compile("(\\d{3}o\\d{3})_(\\d{14})_(FULL|DIFF)\\.csv");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** The file a name stands for, or empty when the name does not follow the convention. */
    public static Optional<LinkageFile> named(String name, long size, String location) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkageFile(m.group(1), name, LocalDateTime.parse(m.group(2), STAMP),
                    Kind.valueOf(m.group(3)), size, location));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
