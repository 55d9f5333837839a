package org.qiluvalley.planner.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.RequiresGdal;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceProcess;

import tools.jackson.databind.JsonNode;

/**
 * The built jar is self-contained: started from an empty directory it creates {@code ./data}, loads the bundled
 * park data once, serves the map and the OGC API, and a restart loads nothing twice. GDAL's OGC API client reads it
 * as any GIS would (a test of its own, skipped without GDAL). With no {@code VALLEY_ADMIN_PASSWORD} the first start creates {@code admin} with a generated
 * password printed once to the log (there is no fixed default); a restart prints nothing and the password still works.
 */
class PackagedJarIT {

    @TempDir
    Path workDir;

    @Test
    void jarStartedFromAnEmptyDirectoryServesTheMapAndTheParkAndRestartsWithoutReloading() throws Exception {
        Path jar = builtJar();
        int port = freePort();
        String adminPassword;
        ServiceClient client = new ServiceClient("http://127.0.0.1:" + port);

        Process first = start(jar, port, "first.log");
        try {
            awaitUp(client, first);
            assertThat(workDir.resolve("data/valley.mv.db")).exists();

            ServiceClient.Reply map = client.get("/");
            assertThat(map.status()).isEqualTo(200);
            assertThat(map.contentType()).startsWith("text/html");
            assertThat(map.body()).contains("leaflet");
            assertThat(client.get("/webjars/leaflet/dist/leaflet.js").status()).isEqualTo(200);

            JsonNode page = client.get("/ogc/collections/parcels/items?limit=5").json();
            assertThat(page.get("features").size()).isEqualTo(5);
            assertThat(page.get("numberMatched").intValue()).isBetween(150, 300);
            assertThat(hasLink(page, "next")).isTrue();

            adminPassword = generatedAdminPassword("first.log", first);
            JsonNode me = client.as("admin", adminPassword).get("/api/me").json();
            assertThat(me.get("signedIn").booleanValue()).isTrue();
            assertThat(me.get("role").stringValue()).isEqualTo("admin");
            assertThat(client.as("admin", adminPassword + "x").get("/api/users").status()).isEqualTo(401);
        } finally {
            stop(first);
        }
        String firstLog = Files.readString(workDir.resolve("first.log"));
        assertThat(firstLog).contains("Loaded park data");
        assertThat(occurrences(firstLog, "generated password")).as("the password is printed once").isEqualTo(1);

        Process second = start(jar, port, "second.log");
        try {
            awaitUp(client, second);
            assertThat(client.as("admin", adminPassword).get("/api/users").status())
                    .as("the generated password survives a restart").isEqualTo(200);
            JsonNode all = client.get("/ogc/collections/parcels/items?limit=1").json();
            assertThat(all.get("numberMatched").intValue()).as("a restart loads nothing twice")
                    .isEqualTo(client.get("/ogc/collections/parcels/items?limit=1").json().get("numberMatched").intValue())
                    .isBetween(150, 300);
        } finally {
            stop(second);
        }
        String secondLog = Files.readString(workDir.resolve("second.log"));
        assertThat(secondLog).contains("Park data already loaded").doesNotContain("Loaded park data")
                .doesNotContain("generated password").doesNotContain("Created user").doesNotContain(adminPassword);
    }

    /**
     * With no {@code VALLEY_ADMIN_PASSWORD} the first start creates {@code admin} with a random password and logs
     * it once (after the web server is up, so this waits for the line).
     */
    private String generatedAdminPassword(String logName, Process process) throws Exception {
        Pattern line = Pattern.compile("generated password: (\\S+)");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the service process exited early").isTrue();
            Matcher matcher = line.matcher(Files.readString(workDir.resolve(logName)));
            if (matcher.find()) {
                String password = matcher.group(1);
                assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("admin");
                return password;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no generated admin password in " + logName);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * The README's {@code java -jar ... import} on the packaged jar: a file of synthetic parcels goes into the embedded
     * store of an empty directory (the same application, without a web server), and the service started afterwards
     * serves them. A second run of the same file inserts nothing.
     */
    @Test
    void theImportCommandOfThePackagedJarFillsTheStoreTheServiceThenServes() throws Exception {
        Path file = workDir.resolve("parcels.geojson");
        org.qiluvalley.planner.seed.SyntheticParcelsGenerator.main(new String[] {"40", file.toString()});
        for (String expected : List.of("40 inserted", "0 inserted")) {
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx384m", "-jar", builtJar().toString(), "import", file.toString(), "--collection",
                    "parcels").directory(workDir.toFile()).redirectErrorStream(true);
            // The embedded store of workDir, whatever VALLEY_* the shell running the build has.
            command.environment().keySet().removeIf(name -> name.startsWith("VALLEY_"));
            Process importer = command.start();
            String out = new String(importer.getInputStream().readAllBytes());
            assertThat(importer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(importer.exitValue()).as(out).isZero();
            assertThat(out).contains(expected);
        }
        try (ServiceProcess service = ServiceProcess.start(workDir, "after-import.log", java.util.Map.of()).awaitUp()) {
            JsonNode page = service.client().get("/ogc/collections/parcels/items?limit=1").json();
            assertThat(page.get("numberMatched").intValue()).as("the park's parcels and the 40 imported").isEqualTo(
                    org.qiluvalley.planner.testsupport.ParkData.dataset().parcels().size() + 40);
        }
    }

    @Test
    @RequiresGdal
    void gdalsOgcApiClientListsTheCollectionsOfThePackagedJar() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workDir, "gdal.log", java.util.Map.of()).awaitUp()) {
            gdalListsTheCollections(service.client().base());
        }
    }

    private static void gdalListsTheCollections(String base) throws Exception {
        Process gdal = new ProcessBuilder(ExternalTools.Gdal.OGRINFO.toString(), "-ro", "OAPIF:" + base + "/ogc")
                .redirectErrorStream(true).start();
        String out = new String(gdal.getInputStream().readAllBytes());
        assertThat(gdal.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gdal.exitValue()).as(out).isZero();
        for (String collection : List.of("valley", "zones", "parcels", "available-sites", "constraints", "roads",
                "road-reserves")) {
            assertThat(out).as("ogrinfo output").containsPattern("\\d+: " + collection + " ");
        }
    }

    private Process start(Path jar, int port, String logName) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName).toFile());
        // As a fresh installation: no admin password configured, so the service must generate one.
        builder.environment().remove("VALLEY_ADMIN_PASSWORD");
        return builder.start();
    }

    private static void awaitUp(ServiceClient client, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the service process exited early").isTrue();
            try {
                if (client.get("/ogc").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not answer within 120 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean hasLink(JsonNode body, String rel) {
        for (JsonNode link : body.get("links")) {
            if (link.get("rel").stringValue().equals(rel)) {
                return true;
            }
        }
        return false;
    }

    private static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("valley-planner-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("target/valley-planner-*.jar not built: run mvn verify"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
