package dev.treaty.cli;

/** Bad input whose explanation has been printed (or is the message); ends the command with exit 2. */
final class BadInputException extends RuntimeException {

    BadInputException(String message) {
        super(message, null, false, false);
    }
}
