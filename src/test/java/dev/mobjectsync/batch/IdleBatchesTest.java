package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IdleBatchesTest {

    private final IdleBatches idle = new IdleBatches();

    @Test
    void onlyBatchesWithTheSameVersionAtTwoLooksAreIdle() {
        assertEquals(List.of(), idle.unchangedSinceLastLook(Map.of("UPSERT:Opportunity", 3L, "UPDATE:Program", 1L)));
        assertEquals(List.of("UPDATE:Program"),
                idle.unchangedSinceLastLook(Map.of("UPSERT:Opportunity", 4L, "UPDATE:Program", 1L, "INSERT:Opportunity",
                        1L)));
    }

    @Test
    void aBatchCompletedAndOpenedAgainWithTheSameVersionIsNotMistakenForIdleAfterItWasGone() {
        idle.unchangedSinceLastLook(Map.of("UPSERT:Opportunity", 1L));
        idle.unchangedSinceLastLook(Map.of());
        assertEquals(List.of(), idle.unchangedSinceLastLook(Map.of("UPSERT:Opportunity", 1L)));
    }
}
