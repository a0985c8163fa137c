package dev.treaty.server;

import dev.treaty.store.ApiKeys;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages over plain HTTP: signing in and out, the session cookie's flags, CSRF tokens on
 * every form, and party isolation (a page of an agreement a party is not on is the same 404 as a
 * page of no agreement, by any URL).
 */
class WebPagesTest {

    @TempDir
    static Path dir;

    static Served served;

    @BeforeAll
    static void start() throws Exception {
        served = new Served(TestDatabases.Kind.SQLITE, dir, true);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** A browser of one user: its own cookie jar, no redirects followed. */
    static final class User {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = "";

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(served.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(response.body());
            if (token.find()) csrf = token.group(1);
            return response;
        }

        HttpResponse<String> post(String path, String... form) throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i + 1 < form.length; i += 2) {
                if (!body.isEmpty()) body.append('&');
                body.append(URLEncoder.encode(form[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
            }
            return client.send(HttpRequest.newBuilder(URI.create(served.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String path, String csrfHeader, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.base() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrfHeader != null) request.header("X-CSRF-Token", csrfHeader);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        User signIn(String credential) throws Exception {
            get("/sign-in");
            HttpResponse<String> response = post("/sign-in", "csrf", csrf, "credential", credential);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/agreements");
            get("/agreements");
            return this;
        }
    }

    static User signedIn(String party, String... roles) throws Exception {
        return new User().signIn(served.token(party, roles));
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndSigningOutEndsIt() throws Exception {
        User user = new User();
        assertThat(user.get("/agreements").statusCode()).isEqualTo(303);
        HttpResponse<String> form = user.get("/sign-in");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'", "script-src 'self'");
        HttpResponse<String> signedIn = user.post("/sign-in", "csrf", user.csrf, "credential", served.token("Microsoft", "reader"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Web.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        HttpResponse<String> list = user.get("/agreements");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Microsoft–OpenAI partnership").doesNotContain("northwind-book");

        assertThat(user.post("/sign-out").statusCode()).as("signing out needs the CSRF token too").isEqualTo(403);
        assertThat(user.post("/sign-out", "csrf", user.csrf).statusCode()).isEqualTo(303);
        assertThat(user.get("/agreements").statusCode()).as("the session is gone").isEqualTo(303);
    }

    @Test
    void aCredentialThatDoesNotHoldOpensNoSessionAndAForgedSignInFormIsRefused() throws Exception {
        User user = new User();
        user.get("/sign-in");
        HttpResponse<String> refused = user.post("/sign-in", "csrf", user.csrf, "credential", "tk_0123456789abcdef_" + "A".repeat(43));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Not accepted");
        assertThat(user.cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName)).doesNotContain(Web.SESSION_COOKIE);

        User forger = new User();
        forger.get("/sign-in");
        assertThat(forger.post("/sign-in", "csrf", "forged", "credential", served.token("Microsoft", "reader")).statusCode()).isEqualTo(403);
        assertThat(new User().post("/sign-in", "csrf", "x", "credential", served.token("Microsoft", "reader")).statusCode())
                .as("no sign-in cookie at all").isEqualTo(403);
    }

    @Test
    void aPartyNotOnAnAgreementReachesNoneOfItsPagesByAnyUrl() throws Exception {
        User author = signedIn("Author", "reader", "auditor", "operator", "pipeline");
        List<String> pages = List.of("", "?on=2026-04-27", "/changes", "/changes?from=2026-04-26&to=2026-04-27&through=2030-12-31", "/money",
                "/money?through=2030-12-31", "/statements/1", "/decisions", "/decisions?on=2026-07-01", "/facts");
        for (String page : pages) {
            for (String agreement : List.of("msft-openai", "no-such-deal")) {
                HttpResponse<String> response = author.get("/agreements/" + agreement + page);
                assertThat(response.statusCode()).as(agreement + page).isEqualTo(404);
                assertThat(response.body()).as(agreement + page).doesNotContain("Microsoft", "OpenAI", "azure", "chatgpt", "USD", "ALLOWED", "DENIED");
            }
            String hidden = author.get("/agreements/msft-openai" + page).body().replace("msft-openai", "ID");
            String missing = author.get("/agreements/no-such-deal" + page).body().replace("no-such-deal", "ID");
            assertThat(hidden).as("a hidden agreement looks exactly like a missing one: " + page).isEqualTo(missing);
        }
        assertThat(author.post("/agreements/msft-openai/decisions", "csrf", author.csrf, "kind", "gate", "gate-product", "chatgpt",
                "gate-cloud", "aws", "gate-on", "2026-06-01").statusCode()).isEqualTo(404);
        assertThat(author.upload("/agreements/msft-openai/facts?kind=revenue", author.csrf, "x").statusCode()).isEqualTo(404);
        assertThat(author.get("/agreements").body()).contains("northwind-book").doesNotContain("msft-openai");
    }

    @Test
    void everyFormRefusesAMissingOrForgedCsrfToken() throws Exception {
        User microsoft = signedIn("Microsoft", "reader", "operator", "auditor");
        String gate = "/agreements/msft-openai/decisions";
        assertThat(microsoft.post(gate, "kind", "gate", "gate-product", "chatgpt", "gate-cloud", "aws", "gate-on", "2024-06-01").statusCode())
                .isEqualTo(403);
        assertThat(microsoft.post(gate, "csrf", "forged", "kind", "gate", "gate-product", "chatgpt", "gate-cloud", "aws", "gate-on", "2024-06-01")
                .statusCode()).isEqualTo(403);
        User other = signedIn("Microsoft", "reader");
        assertThat(microsoft.post(gate, "csrf", other.csrf, "kind", "gate", "gate-product", "chatgpt", "gate-cloud", "aws", "gate-on", "2024-06-01")
                .statusCode()).as("another session's token").isEqualTo(403);
        HttpResponse<String> asked = microsoft.post(gate, "csrf", microsoft.csrf, "kind", "gate", "gate-product", "chatgpt", "gate-cloud", "aws",
                "gate-on", "2024-06-01");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("data-answer=\"DENIED\"");

        String revenue = "id,date,party,product,kind,category,cloud,region,segment,amount,currency\nweb-1,2026-05-01,OpenAI,chatgpt,non-api,consumer,azure,us,,100.00,USD\n";
        assertThat(microsoft.upload("/agreements/msft-openai/facts?kind=revenue", null, revenue).statusCode()).isEqualTo(403);
        assertThat(microsoft.upload("/agreements/msft-openai/facts?kind=revenue", "forged", revenue).statusCode()).isEqualTo(403);
        assertThat(microsoft.post("/agreements/msft-openai/decisions/x.0/replay", "csrf", "forged").statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleTooLowIsRefusedAndARevokedKeyEndsItsSession() throws Exception {
        User reader = signedIn("Microsoft", "reader");
        assertThat(reader.get("/agreements/msft-openai/facts").statusCode()).isEqualTo(403);
        assertThat(reader.get("/audit").statusCode()).isEqualTo(403);

        ApiKeys.Created key;
        try (Store store = Store.open(served.database, true)) {
            key = ApiKeys.create(store, "Microsoft", List.of("reader"), "web test", "test");
        }
        User user = new User().signIn(key.token());
        assertThat(user.get("/agreements").statusCode()).isEqualTo(200);
        try (Store store = Store.open(served.database, true)) {
            ApiKeys.revoke(store, key.key().id(), "test");
        }
        Thread.sleep(600);     // the service reads the store's new revision within a poll (250 ms)
        assertThat(user.get("/agreements").statusCode()).as("revoked: back to the sign-in page").isEqualTo(303);
    }
}
