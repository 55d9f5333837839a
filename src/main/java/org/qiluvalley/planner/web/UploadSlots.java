package org.qiluvalley.planner.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many request bodies may be in flight (being received, or drained after a refusal) at once: in all, and per
 * client ({@link ClientAddress} key). Each body in flight holds one of Tomcat's request threads for as long as the
 * client takes to send it; capping them keeps most threads free for everything else (the map's reads above all),
 * however many slow uploads are open. A body that finds no slot is refused at once (503) without being read.
 */
final class UploadSlots {

    private final Semaphore total;
    private final int perClient;
    private final ConcurrentHashMap<String, AtomicInteger> byClient = new ConcurrentHashMap<>();

    UploadSlots(int total, int perClient) {
        this.total = new Semaphore(total);
        this.perClient = perClient;
    }

    /** A slot for this client, or null when it (or the service) has none free. Never waits. */
    Slot tryAcquire(String clientKey) {
        AtomicInteger[] counted = new AtomicInteger[1];
        byClient.compute(clientKey, (key, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < perClient) {
                current.incrementAndGet();
                counted[0] = current;
            }
            return current.get() == 0 ? null : current;
        });
        if (counted[0] == null) {
            return null;
        }
        if (!total.tryAcquire()) {
            releaseClient(clientKey);
            return null;
        }
        return new Slot(clientKey);
    }

    private void releaseClient(String clientKey) {
        byClient.computeIfPresent(clientKey, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Bodies in flight now, for tests and metrics. */
    int inFlight() {
        return byClient.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** One body's slot; {@link #release} is idempotent. */
    final class Slot {
        private final String clientKey;
        private boolean released;

        private Slot(String clientKey) {
            this.clientKey = clientKey;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                total.release();
                releaseClient(clientKey);
            }
        }
    }
}
