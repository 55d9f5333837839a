package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A zone lock the embedded store does not grant in time is a 503 with {@code Retry-After}, not a 500. H2 reports
 * its lock timeout as an {@code SQLTimeoutException}, which Spring translates to {@code QueryTimeoutException}
 * (not a {@code PessimisticLockingFailureException}): the case the error mapper must know. The real exception of a
 * real H2 database is used; the lock timeout is cut to 200 ms for this session so the test does not wait 20 s.
 */
class LockTimeoutAnswerTest {

    @TempDir
    Path dataDir;

    @Test
    void aZoneLockNotGrantedInTimeOnTheEmbeddedStoreIsA503WithRetryAfter() throws Exception {
        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dataDir)) {
            H2gisDatabase.migrate(dataSource);
            ParcelStore store = H2gisDatabase.store(dataSource);
            store.loadDataset(ParkData.dataset());
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> store.inTransaction(() -> {
                store.lockZone("laser-industry");
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            RuntimeException refused;
            try {
                refused = catchThrowableOfType(RuntimeException.class, () -> store.inTransaction(() -> {
                    new JdbcTemplate(dataSource).execute("SET LOCK_TIMEOUT 200");
                    store.lockZone("laser-industry");
                    return null;
                }));
            } finally {
                release.countDown();
                holder.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(refused).as("the second writer's lock was refused").isNotNull();

            Method handler = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class).resolveMethod(refused);
            assertThat(handler).as("the handler for " + refused.getClass().getName()).isNotNull();
            assertThat(handler.getName()).as("the handler for " + refused.getClass().getName()).isEqualTo("busy");
            ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice().busy(refused,
                    new MockHttpServletRequest("POST", "/api/allocations"));
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        }
    }
}
