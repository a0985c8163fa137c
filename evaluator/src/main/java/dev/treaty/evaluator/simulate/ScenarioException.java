package dev.treaty.evaluator.simulate;

/** A scenario file that cannot be used; the message names the file, the field and the reason. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }
}
