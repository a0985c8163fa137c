package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bearer tokens to principals: JWTs signed with RS256 or ES256 by a key of the configured JWKS
 * (any other algorithm, {@code none} and HMAC included, is refused before a key is looked at),
 * with the configured issuer and audience, unexpired, naming a {@code party} and its
 * {@code roles}. Deny by default: anything else is 401, with no hint of what the token lacked
 * beyond the rule it broke.
 */
public final class Authenticator {

    /**
     * What a service trusts: read from {@code --auth FILE}, a JSON object
     * {@code {"issuer": "…", "audience": "…", "jwks": "keys.json"}}: the JWKS a path relative to the file,
     * or an http(s) URL (an identity provider's jwks_uri), fetched, cached and refreshed.
     */
    public record Config(String issuer, String audience, Path jwks, java.util.Optional<java.net.URI> jwksUrl) {

        public static Config read(Path file) {
            try {
                JsonNode node = new ObjectMapper().readTree(file.toFile());
                String issuer = text(node, "issuer", file);
                String audience = text(node, "audience", file);
                String keys = text(node, "jwks", file);
                if (keys.startsWith("https://") || keys.startsWith("http://")) {
                    try {
                        return new Config(issuer, audience, null, java.util.Optional.of(new java.net.URI(keys)));
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalArgumentException(file + ": field 'jwks': '" + keys + "' is not a URL");
                    }
                }
                Path jwks = Path.of(keys);
                Path parent = file.toAbsolutePath().getParent();
                return new Config(issuer, audience, jwks.isAbsolute() || parent == null ? jwks : parent.resolve(jwks), java.util.Optional.empty());
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot be read as JSON: " + e.getMessage());
            }
        }

        private static String text(JsonNode node, String field, Path file) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IllegalArgumentException(file + ": field '" + field + "': missing (a non-empty string)");
            }
            return value.asText();
        }
    }

    /** Tokens already verified, so a pipeline's repeated token costs a lookup, not a signature check. */
    static final int CACHE_MAX = 10_000;

    private record Verified(Principal principal, long expiresMillis) {
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    /** Accepts no JWT at all: a service that takes API keys only. */
    public static Authenticator apiKeysOnly() {
        return new Authenticator();
    }

    private final boolean tokens;

    private Authenticator() {
        this.tokens = false;
    }

    public Authenticator(Config config) {
        this.tokens = true;
        com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> source;
        if (config.jwksUrl().isPresent()) {
            try {
                // cached, refreshed ahead of expiry, rate-limited and retried by the library
                source = com.nimbusds.jose.jwk.source.JWKSourceBuilder.<SecurityContext>create(config.jwksUrl().get().toURL()).build();
            } catch (java.net.MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException(config.jwksUrl().get() + ": not a URL: " + e.getMessage());
            }
        } else {
            JWKSet keys;
            try {
                keys = JWKSet.load(Files.newInputStream(config.jwks()));
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException(config.jwks() + ": not a JWKS file: " + e.getMessage());
            }
            if (keys.getKeys().isEmpty()) throw new IllegalArgumentException(config.jwks() + ": holds no key");
            source = new ImmutableJWKSet<>(keys);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.audience(),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("sub", "exp", "party", "roles")));
    }

    /** The principal an {@code Authorization} header names; 401 when there is none or it does not hold. */
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.unauthorized("send 'Authorization: Bearer TOKEN'");
        }
        if (!tokens) throw Problem.unauthorized("this service takes API keys only ('Authorization: Bearer tk_…')");
        String token = authorization.substring(7).strip();
        Verified known = verified.get(token);
        if (known != null && System.currentTimeMillis() < known.expiresMillis()) return known.principal();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw Problem.unauthorized("the token is not accepted: " + reason(e));
        }
        try {
            String party = claims.getStringClaim("party");
            List<String> names = claims.getStringListClaim("roles");
            Set<Principal.Role> roles = EnumSet.noneOf(Principal.Role.class);
            for (String name : names) roles.add(Principal.Role.valueOf(name.toUpperCase(Locale.ROOT)));
            if (party == null || party.isBlank() || roles.isEmpty()) throw Problem.unauthorized("the token names no party or no role");
            Principal principal = new Principal(claims.getSubject(), party, roles);
            if (verified.size() >= CACHE_MAX) verified.clear();
            // the claims verifier allows no clock skew past exp, and neither does the cache
            verified.put(token, new Verified(principal, claims.getExpirationTime().getTime()));
            return principal;
        } catch (ParseException | IllegalArgumentException e) {
            throw Problem.unauthorized("the token's party or roles are not readable (roles: reader, pipeline, operator, auditor)");
        }
    }

    /** Why a token failed, in the library's words but without the token's own content. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
