package dev.mobjectsync.sending;

/**
 * Why a chunk is left unconfirmed in the repository: the application stopped before all its records had
 * their outcome, or one of its calls ended in a way the pipeline could not turn into outcomes. The chunk
 * is sent again after the restart (or by recovery). No stack trace: it says what happens, not a fault.
 */
public class KeptForNextStart extends Exception {

    public KeptForNextStart(String message) {
        super(message, null, false, false);
    }
}
