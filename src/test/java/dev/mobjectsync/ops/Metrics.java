package dev.mobjectsync.ops;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

/** The Prometheus text of {@code /q/metrics}, parsed into sample name (with labels) → value. */
final class Metrics {

    private final Map<String, Double> samples;

    private Metrics(Map<String, Double> samples) {
        this.samples = samples;
    }

    static Metrics scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Metrics(samples);
    }

    /** The sample's value; a missing sample fails the test (a counter not yet seen counts as 0 only via {@link #orZero}). */
    double get(String sample) {
        Double value = samples.get(sample);
        if (value == null) {
            throw new AssertionError("no sample " + sample + " in /q/metrics; samples of that family: "
                    + samples.keySet().stream().filter(k -> k.startsWith(sample.split("\\{")[0])).toList());
        }
        return value;
    }

    double orZero(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }
}
