package jp.madoguchi.application.fakes

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** A clock the spec moves on by hand, for waits and retries. */
class MovableClock extends Clock {

    Instant now
    final ZoneId zone

    MovableClock(Instant now, ZoneId zone = ZoneId.of('Asia/Tokyo')) {
        this.now = now
        this.zone = zone
    }

    void advance(Duration by) {
        now = now.plus(by)
    }

    @Override
    ZoneId getZone() { zone }

    @Override
    Clock withZone(ZoneId other) { new MovableClock(now, other) }

    @Override
    Instant instant() { now }
}
