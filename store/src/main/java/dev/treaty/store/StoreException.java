package dev.treaty.store;

/** A store that cannot be used or a write that was refused; the message says which and why, for the user. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
