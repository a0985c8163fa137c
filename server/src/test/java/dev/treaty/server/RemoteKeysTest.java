package dev.treaty.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys from an identity provider's JWKS URL (here a server on loopback), fetched once and cached; ES256 tokens. */
class RemoteKeysTest {

    @TempDir
    Path dir;

    @Test
    void tokensAreCheckedAgainstKeysFetchedFromAUrl() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        AtomicInteger fetched = new AtomicInteger();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/jwks.json", exchange -> {
            fetched.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        try {
            Path auth = Files.writeString(dir.resolve("auth.json"), "{\"issuer\":\"https://id.example\",\"audience\":\"treaty\",\"jwks\":\"http://127.0.0.1:"
                    + provider.getAddress().getPort() + "/jwks.json\"}");
            Authenticator authenticator = new Authenticator(Authenticator.Config.read(auth));
            for (String party : List.of("OpenAI", "Microsoft")) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec1").build(), new JWTClaimsSet.Builder()
                        .issuer("https://id.example").audience("treaty").subject(party + "-pipeline").claim("party", party)
                        .claim("roles", List.of("pipeline")).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
                jwt.sign(new ECDSASigner(key));
                Principal principal = authenticator.authenticate("Bearer " + jwt.serialize());
                assertThat(principal.party()).isEqualTo(party);
                assertThat(principal.may(Principal.Role.PIPELINE)).isTrue();
            }
            assertThat(fetched.get()).as("the key set is fetched once and cached").isEqualTo(1);
            SignedJWT stranger = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec1").build(), new JWTClaimsSet.Builder()
                    .issuer("https://id.example").audience("treaty").subject("x").claim("party", "OpenAI").claim("roles", List.of("reader"))
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
            stranger.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("ec1").generate()));
            assertThatThrownBy(() -> authenticator.authenticate("Bearer " + stranger.serialize())).isInstanceOf(Problem.class)
                    .hasMessageStartingWith("the token is not accepted");
        } finally {
            provider.stop(0);
        }
    }
}
