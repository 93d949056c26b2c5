package jp.madoguchi.domain.reception;

import java.time.Instant;

/**
 * 呼出: when a visit was first called to a counter (the end of its waiting time), and the last call at the
 * department it is at now ({@code null}: not called there yet; a 回付 starts the new department's calls afresh).
 */
public record Calling(Instant firstCalledAt, Call last) {

    public static final Calling NONE = new Calling(null, null);

    /**
     * One call of the number to a counter.
     *
     * @param absent the visitor did not come when called (不在); the number is called again only by hand
     */
    public record Call(String counterCode, String counterName, Instant at, int times, boolean absent) {
    }
}
