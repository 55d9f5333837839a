package org.qiluvalley.planner.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock (UTC) moved on by an offset a test chooses: the service's clock in tests that need time to pass
 * (a deadline reached, a date no longer in the future). Import {@link Config} to make it the service's
 * {@link Clock}; {@link #reset} after each test that moved it.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Moves the clock on (or back, with a negative duration). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    /**
     * Makes a {@link MovableClock} the service's clock, for a test that imports it ({@code @Import}). Deliberately not
     * annotated: an imported plain class's {@code @Bean} methods are registered, while component scanning, which
     * reaches this package, passes it by, so no other test gets this clock.
     */
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
