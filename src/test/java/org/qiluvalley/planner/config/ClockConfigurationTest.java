package org.qiluvalley.planner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The service's clock keeps the park's calendar: a contract's dates are Jinan's days, not UTC's. */
class ClockConfigurationTest {

    private static ValleyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("valley",
                ValleyProperties.class);
    }

    @Test
    void byDefaultTheDaysAreJinansSoAMorningThereIsAlreadyTodayThere() {
        Clock clock = new ClockConfiguration().clock(bind(Map.of()));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        // 07:30 in Jinan on 5 December is 23:30 UTC on 4 December.
        Clock morning = Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), clock.getZone());
        assertThat(LocalDate.now(morning)).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(clock.instant()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                java.time.Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void theZoneIsConfigurable() {
        Clock clock = new ClockConfiguration().clock(bind(Map.of("valley.allocations.time-zone", "UTC")));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("UTC"));
    }
}
