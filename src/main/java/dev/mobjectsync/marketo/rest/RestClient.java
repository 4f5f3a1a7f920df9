package dev.mobjectsync.marketo.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.marketo.InvalidAnswerException;
import dev.mobjectsync.model.Json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Makes one REST call (the JDK HTTP client): {@code Authorization: Bearer <token>} and nothing else
 * carries the token, and a call carries only the protocol's headers (Authorization, Content-Type,
 * Accept, and what the HTTP client adds itself), never one of the exchange's. The client secret goes
 * only to the identity service: as Marketo documents it, in the query of
 * {@code POST <identity>/oauth/token?grant_type=client_credentials&client_id=…&client_secret=…}, or
 * ({@code token-request=form}) in the form body of {@code POST <identity>/oauth/token}. The JDK client
 * logs request URIs at its debug level, so its loggers are off (application.properties), and no URI of
 * ours is logged or put in an exception. An answer with HTTP 200 and
 * {@code success:true} becomes the body; {@code success:false} throws {@link RestFault} with Marketo's
 * code, except 601/602 (token invalid or expired), after which the call is made once more with a new
 * token; another HTTP status throws {@link HttpStatusException}. Each call made counts as an attempt.
 */
@ApplicationScoped
@Named("restClient")
public class RestClient {

    private final HttpClient http;
    private final RestTokens tokens;
    private final String baseUrl;
    private final Duration timeout;
    private final long maxAnswerChars;

    @Inject
    public RestClient(SyncConfig config, Clock clock) {
        SyncConfig.Rest rest = config.marketo().rest();
        this.timeout = config.marketo().timeout();
        this.maxAnswerChars = config.marketo().maxAnswerChars();
        this.baseUrl = trimSlash(rest.baseUrl());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30))
                .build();
        // Checked here, without the secret: a URI the JDK refuses is named in its exception.
        URI tokenUri = URI.create(trimSlash(rest.identityUrl()) + "/oauth/token");
        HttpRequest.newBuilder(tokenUri);
        boolean inQuery = "query".equals(rest.tokenRequest());
        this.tokens = new RestTokens(() -> identity(tokenUri, inQuery, rest.clientId(), rest.clientSecret().reveal()),
                rest.tokenRefreshMargin(), clock);
    }

    /** The call of the exchange's {@link RestCall}; the answer (JSON) becomes the body. */
    public void call(Exchange exchange) throws IOException, InterruptedException {
        RestCall call = exchange.getProperty(Headers.REST_CALL, RestCall.class);
        for (boolean renewed = false;; renewed = true) {
            String token = tokens.current();
            exchange.setProperty(Headers.ATTEMPTS, exchange.getProperty(Headers.ATTEMPTS, 0, Integer.class) + 1);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + call.path())).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", call.contentType())
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8)).build();
            JsonNode answer = answer(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            if (answer.path("success").asBoolean(false)) {
                exchange.getMessage().setBody(answer);
                return;
            }
            RestFault fault = RestFault.of(answer);
            if (!fault.needsNewToken() || renewed) {
                throw fault;
            }
            tokens.invalidate(token);
        }
    }

    private RestTokens.Issued identity(URI tokenUri, boolean inQuery, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        String credentials = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId,
                StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest.Builder request = inQuery
                ? HttpRequest.newBuilder(URI.create(tokenUri + "?" + credentials)).POST(HttpRequest.BodyPublishers
                        .noBody())
                : HttpRequest.newBuilder(tokenUri).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(credentials));
        HttpResponse<String> response = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new RestFault(RestFault.IDENTITY_REFUSED, "the identity service refused the client credentials"
                    + " (HTTP 401): check mobject-sync.marketo.rest.client-id and client-secret");
        }
        JsonNode answer = answer(response);
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new InvalidAnswerException("the identity service answered without an access_token");
        }
        return new RestTokens.Issued(token, Duration.ofSeconds(answer.path("expires_in").asLong(0)));
    }

    private JsonNode answer(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new HttpStatusException(response.statusCode());
        }
        if (response.body().length() > maxAnswerChars) {
            throw new InvalidAnswerException("the answer is longer than " + maxAnswerChars + " characters");
        }
        return Json.MAPPER.readTree(response.body());
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
