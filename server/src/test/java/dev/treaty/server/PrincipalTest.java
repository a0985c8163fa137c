package dev.treaty.server;

import dev.treaty.store.ApiKeys;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles the store lets an API key carry are exactly the service's, so every stored key maps to a principal. */
class PrincipalTest {

    @Test
    void theStoresRolesAreTheServicesRoles() {
        assertThat(Arrays.stream(Principal.Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList())
                .containsExactlyInAnyOrderElementsOf(ApiKeys.ROLES);
    }
}
