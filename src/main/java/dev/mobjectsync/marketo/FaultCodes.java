package dev.mobjectsync.marketo;

import java.util.Set;

/** A gateway's table of Marketo fault codes: which are tried again, which refuse the content, which says the quota is spent. */
public record FaultCodes(Set<String> retryable, Set<String> content, String quotaSpent) {

    /** What the code means; a code in none of the sets is final. */
    public FaultKind kindOf(String marketoCode) {
        if (retryable.contains(marketoCode)) {
            return FaultKind.RETRYABLE;
        }
        if (content.contains(marketoCode)) {
            return FaultKind.CONTENT;
        }
        return quotaSpent.equals(marketoCode) ? FaultKind.QUOTA_SPENT : FaultKind.FINAL;
    }
}
