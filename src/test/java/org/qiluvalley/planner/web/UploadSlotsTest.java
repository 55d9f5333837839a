package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bodies in flight: capped per client and in all, never waiting, released once. */
class UploadSlotsTest {

    @Test
    void aClientGetsItsShareAndNoMoreWhileOthersStillGetTheirs() {
        UploadSlots slots = new UploadSlots(10, 3);
        List<UploadSlots.Slot> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(slots.tryAcquire("203.0.113.7"));
        }
        assertThat(taken).doesNotContainNull();
        assertThat(slots.tryAcquire("203.0.113.7")).as("a fourth from the same client").isNull();
        assertThat(slots.tryAcquire("198.51.100.9")).as("another client").isNotNull();
        taken.get(0).release();
        assertThat(slots.tryAcquire("203.0.113.7")).as("a slot freed by the same client").isNotNull();
    }

    @Test
    void theTotalCapHoldsAcrossClients() {
        UploadSlots slots = new UploadSlots(4, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(slots.tryAcquire("client-" + i)).isNotNull();
        }
        assertThat(slots.tryAcquire("client-9")).isNull();
        assertThat(slots.inFlight()).isEqualTo(4);
    }

    @Test
    void releasingTwiceFreesOneSlot() {
        UploadSlots slots = new UploadSlots(1, 1);
        UploadSlots.Slot slot = slots.tryAcquire("a");
        slot.release();
        slot.release();
        assertThat(slots.inFlight()).isZero();
        assertThat(slots.tryAcquire("a")).isNotNull();
        assertThat(slots.tryAcquire("b")).as("the one slot is taken again, not two").isNull();
    }

    @Test
    void aRefusalByTheTotalLeavesTheClientsCountUntouched() {
        UploadSlots slots = new UploadSlots(1, 5);
        assertThat(slots.tryAcquire("a")).isNotNull();
        for (int i = 0; i < 10; i++) {
            assertThat(slots.tryAcquire("b")).isNull();
        }
        assertThat(slots.inFlight()).isEqualTo(1);
    }
}
