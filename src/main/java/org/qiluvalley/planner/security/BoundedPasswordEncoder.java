package org.qiluvalley.planner.security;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt on a bounded pool. A bcrypt check is about 60 to 90 ms of one core at cost 10, by design; run on the
 * request threads, a few sign-in attempts a second would take both cores of a small server from the map. Here at
 * most {@code threads} checks run at once, at most {@code queue} wait, and one more is refused at once
 * ({@link ChecksBusyException}, answered 503): sign-in traffic, honest or not, can take those threads' cores and no
 * more.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    /** Thrown instead of checking when every thread is busy and the queue is full. */
    static final class ChecksBusyException extends RuntimeException {
        ChecksBusyException() {
            super("every password-checking thread is busy", null, false, false);
        }
    }

    private final PasswordEncoder bcrypt;
    private final ThreadPoolExecutor pool;
    private final java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();

    BoundedPasswordEncoder(PasswordEncoder bcrypt, int threads, int queue) {
        this.bcrypt = bcrypt;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, "password-check-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    // Below the request threads: under load, answering requests comes before checking passwords.
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return run(() -> bcrypt.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return run(() -> {
            checked.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        });
    }

    /** Passwords checked so far (tests: a throttled attempt costs none). */
    long passwordsChecked() {
        return checked.get();
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private <T> T run(Callable<T> check) {
        try {
            return pool.submit(check).get();
        } catch (RejectedExecutionException full) {
            throw new ChecksBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a password was checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password check failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
