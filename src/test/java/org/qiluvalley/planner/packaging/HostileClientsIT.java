package org.qiluvalley.planner.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.testsupport.RawHttp;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceProcess;
import org.qiluvalley.planner.web.RequestBodyLimits;

/**
 * Hostile clients against the packaged jar, as an operator meets them (issue F6): bodies of hundreds of megabytes,
 * chunked or declared, on every endpoint that takes a body, and hundreds of uploads that trickle in or stall. Each
 * must cost the service a small, fixed amount of memory and threads: the bodies are answered 413 within seconds,
 * and throughout the map's reads are answered within 2 s; afterwards the process is alive, answering, and small.
 *
 * <p>The jar runs with a 256 MB heap (a single body read whole would not fit), the upload caps lowered to 16 in all
 * and per client (every client here is 127.0.0.1, one client to the service), a 5 s body deadline and a 3 s
 * connector timeout, so that each case ends in seconds; the defaults differ only in size.
 */
class HostileClientsIT {

    static final String ADMIN_PASSWORD = "hostile-admin-password";
    static final long HUGE = 300L * 1024 * 1024;
    static final long LARGE = 48L * 1024 * 1024;

    @TempDir
    static Path workDir;

    static ServiceProcess service;

    @BeforeAll
    static void startThePackagedJar() {
        service = ServiceProcess.start(workDir, "hostile.log", Map.of("VALLEY_ADMIN_PASSWORD", ADMIN_PASSWORD),
                List.of("-Xmx256m"), "--valley.uploads.max-in-flight=16", "--valley.uploads.max-in-flight-per-client=16",
                "--valley.uploads.body-timeout=PT5S", "--server.tomcat.connection-timeout=3s").awaitUp();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void sixHugeChunkedBodiesAtOnceAre413WhileTheMapKeepsAnswering() throws Exception {
        try (MapReader map = new MapReader(service.client())) {
            ExecutorService uploads = Executors.newFixedThreadPool(6);
            try {
                List<Future<Upload>> sent = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    sent.add(uploads.submit(() -> Upload.send(service.port(), "POST", "/api/allocations/validate",
                            null, HUGE, true)));
                }
                for (Future<Upload> upload : sent) {
                    Upload done = upload.get(60, TimeUnit.SECONDS);
                    System.out.println("HostileClientsIT: " + done);
                    assertThat(done.status()).as(done.toString()).isEqualTo(413);
                    assertThat(done.seconds()).as(done.toString()).isLessThan(20);
                }
            } finally {
                uploads.shutdownNow();
            }
            map.assertAnsweredWithin(Duration.ofSeconds(2));
        }
        assertAliveAndSmall();
    }

    @Test
    void largeBodiesOnEveryEndpointThatTakesOneAre413DeclaredOrChunked() throws Exception {
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (MapReader map = new MapReader(service.client())) {
            for (RequestBodyLimits.Limit limit : RequestBodyLimits.all()) {
                String path = limit.path().replaceFirst("/collections/\\*", "/collections/parcels")
                        .replace("/items/*", "/items/QOV-LI-001").replace("/inquiries/*", "/inquiries/IQ-0");
                for (boolean chunked : new boolean[] {false, true}) {
                    for (String authorization : Arrays.asList(null, admin)) {
                        Upload done = Upload.send(service.port(), limit.method(), path, authorization, LARGE, chunked);
                        String what = done + (authorization == null ? " anonymous" : " as admin");
                        // A planner-only endpoint may refuse an anonymous client first; nothing else is acceptable.
                        assertThat(done.status()).as(what).isIn(413, authorization == null ? 401 : 413);
                        assertThat(done.seconds()).as(what).isLessThan(15);
                    }
                }
            }
            map.assertAnsweredWithin(Duration.ofSeconds(2));
        }
        assertAliveAndSmall();
    }

    @Test
    void twoHundredFiftySlowOrStalledUploadsDoNotStopTheMap() throws Exception {
        List<Socket> uploads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean trickling = new AtomicBoolean(true);
        try (MapReader map = new MapReader(service.client())) {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket("127.0.0.1", service.port());
                socket.setSoTimeout(20_000);
                // Public (the body is read), planner-only (refused unread) and the sign-in form.
                String path = i % 3 == 0 ? "/api/allocations/validate" : i % 3 == 1 ? "/api/users" : "/login";
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: " + (path.equals("/login") ? "application/x-www-form-urlencoded"
                                : "application/json") + "\r\nContent-Length: 1000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                uploads.add(socket);
            }
            // Half trickle a byte every half second; the other half stall after their headers.
            Thread trickle = new Thread(() -> {
                while (trickling.get()) {
                    for (int i = 0; i < uploads.size(); i += 2) {
                        try {
                            uploads.get(i).getOutputStream().write(' ');
                        } catch (IOException refusedAlready) {
                            // the service has answered this one and closed it
                        }
                    }
                    sleep(500);
                }
            });
            trickle.start();
            sleep(10_000);
            trickling.set(false);
            trickle.join();
            map.assertAnsweredWithin(Duration.ofSeconds(2));
            assertThat(map.reads()).as("map reads while the uploads were open").isGreaterThan(20);

            // Every upload was answered (refused) or cut off by now: none is still holding a thread.
            List<Integer> statuses = new ArrayList<>();
            for (Socket socket : uploads) {
                statuses.add(answerOrNothing(socket));
            }
            System.out.println("HostileClientsIT: slow uploads answered " + statuses.stream().collect(
                    java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())) + " (-1: closed without an answer)");
            assertThat(statuses).as(statuses.toString()).allMatch(s -> s == 408 || s == 503 || s == 401 || s == -1);
            assertThat(statuses.stream().filter(s -> s == 503).count()).as("refused at once for lack of a slot")
                    .isGreaterThan(100);
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
        assertThat(service.client().get("/ogc/collections/parcels/items?limit=1").status()).isEqualTo(200);
        assertAliveAndSmall();
    }

    /** The status the service answered on this socket, or -1 when it closed it without one (a stalled upload). */
    private static int answerOrNothing(Socket socket) {
        try {
            socket.setSoTimeout(10_000);
            return RawHttp.read(socket.getInputStream()).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void assertAliveAndSmall() {
        assertThat(service.isAlive()).isTrue();
        assertThat(service.log()).doesNotContain("java.lang.OutOfMemoryError");
        long residentKb = service.residentKilobytes();
        System.out.println("HostileClientsIT: resident memory " + residentKb / 1024 + " MB");
        if (residentKb > 0) {
            // A 256 MB heap plus the JVM's own: well under what one 300 MB body read whole would need.
            assertThat(residentKb).as("resident memory, kB").isLessThan(700_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One upload sent over a plain socket as fast as the service takes it, and what came back. */
    record Upload(String method, String path, boolean chunked, int status, double seconds) {

        static Upload send(int port, String method, String path, String authorization, long bytes, boolean chunked) {
            long started = System.nanoTime();
            int status;
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: " + (path.equals("/login") ? "application/x-www-form-urlencoded"
                                : "application/json") + "\r\n");
                if (authorization != null) {
                    head.append("Authorization: ").append(authorization).append("\r\n");
                }
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n");
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                byte[] block = new byte[64 * 1024];
                Arrays.fill(block, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < bytes; sent += block.length) {
                        if (chunked) {
                            out.write(chunkHead);
                        }
                        out.write(block);
                        if (chunked) {
                            out.write('\r');
                            out.write('\n');
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException stoppedReading) {
                    // The service stopped reading; its answer may be waiting.
                }
                InputStream in = socket.getInputStream();
                status = RawHttp.read(in).status();
            } catch (IOException e) {
                status = -1;
            }
            return new Upload(method, path, chunked, status, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Reads the map (a page of parcels) four times a second in the background, recording each answer's time. */
    static final class MapReader implements AutoCloseable {
        private final ServiceClient client;
        private final Thread thread;
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;

        MapReader(ServiceClient client) {
            this.client = client;
            this.thread = new Thread(this::run, "map-reader");
            thread.start();
        }

        private void run() {
            while (running) {
                long started = System.nanoTime();
                try {
                    int status = client.get("/ogc/collections/parcels/items?limit=10").status();
                    if (status != 200) {
                        problems.add("status " + status);
                    }
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                sleep(250);
            }
        }

        int reads() {
            return millis.size();
        }

        void assertAnsweredWithin(Duration limit) {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.println("HostileClientsIT: " + sorted.size() + " map reads, median " + sorted.get(sorted.size() / 2)
                    + " ms, slowest " + sorted.get(sorted.size() - 1) + " ms");
            assertThat(problems).as("failed map reads").isEmpty();
            assertThat(millis).as("map reads made").isNotEmpty();
            assertThat(Collections.max(millis)).as("slowest map read, ms, of " + millis.size())
                    .isLessThan(limit.toMillis());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }
}
