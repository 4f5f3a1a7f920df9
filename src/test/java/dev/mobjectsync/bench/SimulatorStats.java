package dev.mobjectsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's call log (SOAP and REST write calls), summed up; limit faults of both APIs together, read over HTTP from its process ({@code GET /simulator/calls}). */
record SimulatorStats(long syncCalls, long answeredCalls, long objects, long limitFaults, JsonNode raw) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static SimulatorStats read(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/simulator/calls")).build(), HttpResponse.BodyHandlers
                        .ofString());
        JsonNode json = JSON.readTree(response.body());
        JsonNode faults = json.path("faults");
        return new SimulatorStats(json.path("syncCalls").asLong(), json.path("answeredCalls").asLong(),
                json.path("objects").asLong(), faults.path("20023").asLong() + faults.path("20024").asLong()
                        + faults.path("606").asLong() + faults.path("615").asLong(), json);
    }
}
