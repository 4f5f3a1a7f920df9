package dev.mobjectsync.simulator;

import com.marketo.mktows.MObjStatusEnum;

/** Why one object of a syncMObjects call was not applied: its status (FAILED or SKIPPED) and error. */
final class Refusal extends RuntimeException {

    final MObjStatusEnum status;

    Refusal(MObjStatusEnum status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static Refusal failed(String message) {
        return new Refusal(MObjStatusEnum.FAILED, message);
    }
}
