package jp.madoguchi.application.port.out;

import java.util.Optional;

/**
 * The words of the staff pages, Japanese only: {@code messages/staff_ja.properties} shipped with the staff UI, and,
 * key by key over it, the city's file of the same name in its data folder.
 */
public interface StaffTexts {

    Optional<String> staffText(String key);
}
