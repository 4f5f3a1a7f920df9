package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.config.MarketoApi;

class BatchSizesTest {

    @Test
    void withoutACapEachTypeGetsTheGatewaysLimit() {
        BatchSizes soap = new BatchSizes(MarketoApi.SOAP, null);
        BatchSizes rest = new BatchSizes(MarketoApi.REST, null);
        assertEquals(100, soap.of("Opportunity"));
        assertEquals(100, soap.of("Program"));
        assertEquals(300, rest.of("Opportunity"));
        assertEquals(300, rest.of("OpportunityPersonRole"));
        assertEquals(1, rest.of("Program"));
        assertEquals(300, rest.largest());
    }

    @Test
    void theCapLowersButNeverRaisesTheGatewaysLimit() {
        BatchSizes rest = new BatchSizes(MarketoApi.REST, 50);
        assertEquals(50, rest.of("Opportunity"));
        assertEquals(1, rest.of("Program"));
    }

    @Test
    void aCapAboveTheGatewaysLimitIsRefusedNamingTheKey() {
        IllegalArgumentException soap = assertThrows(IllegalArgumentException.class,
                () -> new BatchSizes(MarketoApi.SOAP, 150));
        assertEquals("mobject-sync.batch.size must be at most 100: Marketo accepts at most 100 objects per syncMObjects"
                + " call", soap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchSizes(MarketoApi.REST, 301));
        assertThrows(IllegalArgumentException.class, () -> new BatchSizes(MarketoApi.REST, 0));
    }
}
