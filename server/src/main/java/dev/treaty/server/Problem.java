package dev.treaty.server;

/**
 * A refused or failed request, answered as RFC 9457 problem details: the status, a short title,
 * and a detail that says what to change. Never carries anything of an agreement the asker may not see.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    /** The same answer for an agreement that does not exist and one the asker may not see. */
    static Problem noSuchAgreement(String id) {
        return new Problem(404, "Not Found", "no agreement '" + id + "' is visible to you");
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }
}
