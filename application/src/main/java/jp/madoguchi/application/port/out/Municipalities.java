package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The cities this installation serves, by 地方公共団体コード. */
public interface Municipalities {

    /** The city's name as printed on forms, e.g. みらい市. */
    String nameOf(LocalGovernmentCode city);
}
