package dev.treaty.server;

import java.util.Set;

/**
 * Who asks: a subject acting for one party, with roles. A principal sees only the agreements its
 * party is on, and within them only what its roles allow.
 */
public record Principal(String subject, String party, Set<Role> roles) {

    /** What a principal may do. */
    public enum Role {
        /** Reads the agreements its party is on: terms, money, decisions. */
        READER,
        /** Asks for decisions only: a deployment pipeline. */
        PIPELINE,
        /** Ingests facts, issues statements, adds documents. */
        OPERATOR,
        /** Reads everything of the agreements it is named on, and the audit trail. */
        AUDITOR
    }

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean may(Role role) {
        return roles.contains(role);
    }
}
