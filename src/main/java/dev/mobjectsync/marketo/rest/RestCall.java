package dev.mobjectsync.marketo.rest;

import java.util.List;

import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SyncRecord;

/**
 * One REST call for a batch: the request ({@code POST path} with its body), the records it carries,
 * in {@code seq} order, and the records of the batch that REST cannot express, already dead-lettered.
 */
public record RestCall(String path, String contentType, String body, List<SyncRecord> sent,
        List<RecordOutcome> refused, boolean programUpdate) {

    /** False when every record of the batch was refused: no call is made. */
    public boolean isSendable() {
        return !sent.isEmpty();
    }
}
