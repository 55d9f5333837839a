package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password checks run on their own bounded pool: at most so many at once, a few waiting, the rest refused at once. */
class BoundedPasswordEncoderTest {

    @Test
    void checksAndHashesAsBcryptDoes() {
        try (BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(new BCryptPasswordEncoder(4), 1, 4)) {
            String hash = encoder.encode("correct horse battery");
            assertThat(hash).startsWith("$2a$04$");
            assertThat(encoder.matches("correct horse battery", hash)).isTrue();
            assertThat(encoder.matches("wrong", hash)).isFalse();
        }
    }

    @Test
    void neverMoreChecksAtOnceThanThreadsAndTheRestBeyondTheQueueAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(slow, 2, 3)) {
            // 2 running and 3 waiting fill the pool; every further check is refused without waiting.
            java.util.List<Future<Boolean>> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                accepted.add(callers.submit(() -> encoder.matches("p", "p")));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (running.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the three others reach the queue
            long started = System.nanoTime();
            assertThatThrownBy(() -> encoder.matches("p", "p")).isInstanceOf(BoundedPasswordEncoder.ChecksBusyException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("refused without waiting")
                    .isLessThan(1000);
            release.countDown();
            for (Future<Boolean> check : accepted) {
                assertThat(check.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }
}
