package org.qiluvalley.planner.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end tests against a running service: real requests, real responses. Anonymous by
 * default; {@link #as} gives a client that sends HTTP Basic credentials on every request, as API clients do.
 */
public final class ServiceClient {

    /** The admin account of the tests (src/test/resources/application.properties). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The password {@link #ensureUser} gives the users it creates. */
    public static final String USER_PASSWORD = "test-user-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;
    /** Sent as {@code X-Forwarded-For}: the client's address as a reverse proxy would report it, or null. */
    private final String forwardedFor;

    public ServiceClient(String base) {
        this(base, null);
    }

    private ServiceClient(String base, String authorization) {
        this(base, authorization, null);
    }

    private ServiceClient(String base, String authorization, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    public String base() {
        return base;
    }

    /** The same service, as {@code username} with HTTP Basic. */
    public ServiceClient as(String username, String password) {
        return new ServiceClient(base, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)), forwardedFor);
    }

    /**
     * The same client, seen by the service as coming from {@code address}: every request carries
     * {@code X-Forwarded-For: address}, which a service with {@code server.forward-headers-strategy=native} takes
     * from a loopback peer as a reverse proxy's word. For tests of what is counted per client.
     */
    public ServiceClient from(String address) {
        return new ServiceClient(base, authorization, address);
    }

    public ServiceClient asAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Signed in as a user of this role ({@code investor}, {@code planner}, {@code admin}) named {@code username},
     * created through the admin API if it does not exist yet.
     */
    public ServiceClient asNew(String role, String username) {
        ensureUser(role, username);
        return as(username, USER_PASSWORD);
    }

    public void ensureUser(String role, String username) {
        Reply reply = asAdmin().postJson("/api/users", "{\"username\":\"" + username + "\",\"password\":\""
                + USER_PASSWORD + "\",\"role\":\"" + role + "\"}");
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("cannot create user " + username + ": " + reply.status() + " " + reply.body());
        }
    }

    /** A response: status, content type, body and headers. */
    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** GET of a full URL (a link the service gave), with this client's credentials. */
    public Reply getAbsolute(String url) {
        return send(withIdentity(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    public Reply postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body (the allocation transitions). */
    public Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** PUT of a JSON body; {@code ifMatch} null sends no If-Match. */
    public Reply putJson(String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/geo+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    /** PATCH with a JSON Merge Patch body. */
    public Reply patchJson(String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        return send(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    public Reply delete(String path, String ifMatch) {
        HttpRequest.Builder request = request(path).DELETE();
        return send(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    /** A request to {@code path} carrying this client's credentials, for anything the helpers above do not cover. */
    public HttpRequest.Builder request(String path) {
        return withIdentity(HttpRequest.newBuilder(URI.create(base + path)));
    }

    private HttpRequest.Builder withIdentity(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    /** A binary response (vector tiles): status, headers and the body's bytes. */
    public record BinaryReply(int status, byte[] body, Map<String, List<String>> headers) {
        public String header(String name) {
            return new Reply(status, "", "", headers).header(name);
        }
    }

    /** GET with extra request headers given as name, value, name, value... */
    public BinaryReply getBytes(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryReply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
