package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/**
 * The closing note of the fetcher issue: peak heap and RSS of the packaged jar crawling 200,000 answers at
 * {@code per_page=20000}. Opt-in ({@code -Dfetcher.memory.profile=true}): it takes about a minute.
 *
 * <p>A JDK {@code HttpServer} generates the answer pages on the fly (so the simulated Peakon holds nothing in
 * memory), the fetcher jar runs as its own JVM with {@code -Xmx128m} and a GC log, and its RSS high-water mark
 * ({@code VmHWM}) is sampled from {@code /proc} until it exits.
 */
@EnabledIfSystemProperty(named = "fetcher.memory.profile", matches = "true")
class MemoryProfileIT {

    static final int PAGES = 10;
    static final int PER_PAGE = 20_000;
    static final String HEAP = System.getProperty("fetcher.memory.heap", "128m");

    @Test
    void aCrawlOf200kAnswersAtPerPage20000StaysSmall() throws Exception {
        Infrastructure infra = IntegrationInfrastructure.shared();
        HttpServer peakon = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peakon.createContext("/", MemoryProfileIT::serve);
        peakon.start();
        Path gcLog = Files.createTempFile("fetcher-gc", ".log");
        try {
            String base = "http://127.0.0.1:" + peakon.getAddress().getPort() + "/api/v1";
            ProcessBuilder builder = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP,
                    "-XX:+UseG1GC",
                    "-Xlog:gc:file=" + gcLog,
                    "-jar",
                    jar().toString(),
                    "ingest",
                    "--full-sync");
            builder.environment().put("PEAKON_BASE_URL", base);
            builder.environment().put("PEAKON_APP_TOKEN", "memory-profile");
            builder.environment().put("PEAKON_PER_PAGE", Integer.toString(PER_PAGE));
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            builder.environment().put("KAFKA_TOPIC_PREFIX", "mem.");
            builder.environment().put("KAFKA_TOPIC_PARTITIONS", "3");
            builder.environment().put("MONGO_URI", infra.mongoUri());
            builder.environment().put("MONGO_DB", "it_memory_profile");
            builder.redirectErrorStream(true);
            Path output = Files.createTempFile("fetcher-out", ".log");
            builder.redirectOutput(output.toFile());
            long start = System.nanoTime();
            Process fetcher = builder.start();
            long peakRssKb = 0;
            while (!fetcher.waitFor(100, TimeUnit.MILLISECONDS)) {
                peakRssKb = Math.max(peakRssKb, vmHwmKb(fetcher.pid()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String log = Files.readString(output);
            System.out.println(log.substring(Math.max(0, log.length() - 2000)));
            List<String> gc = Files.readAllLines(gcLog);
            System.out.printf(
                    "MEMORY PROFILE: 200k answers at per_page=%d: exit %d in %.1f s, peak RSS %d MB, "
                            + "peak heap before GC %d MB, largest live heap after GC %d MB, with -Xmx%s%n",
                    PER_PAGE,
                    fetcher.exitValue(),
                    seconds,
                    peakRssKb / 1024,
                    peakHeapMb(gc, 1),
                    peakHeapMb(gc, 2),
                    HEAP);
            assertThat(fetcher.exitValue()).as(log).isZero();
            assertThat(log).containsPattern("answers_export\\s+success\\s+200000\\s+10");
        } finally {
            peakon.stop(0);
        }
    }

    private static Path jar() {
        Path jar = Paths.get("target", "fetcher-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("package the module first").exists();
        return jar;
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process just exited
        }
        return 0;
    }

    /**
     * The largest "used before" ({@code group} 1) or "used after" (2) figure of GC log lines such as
     * {@code Pause Young ... 61M->12M(128M)}.
     */
    private static long peakHeapMb(List<String> lines, int group) {
        Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long peak = 0;
        for (String line : lines) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak;
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: the page is generated while it is sent
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            if (path.endsWith("/auth/application")) {
                write(out, "{\"data\":{\"id\":\"jwt-memory\",\"type\":\"bearer_tokens\"}}");
            } else if (path.endsWith("/answers/export")) {
                int page = query != null && query.contains("continuation=p")
                        ? Integer.parseInt(query.replaceAll(".*continuation=p(\\d+).*", "$1"))
                        : 0;
                writeAnswers(out, page);
            } else if (path.endsWith("/engagement/drivers")) {
                write(out, "{\"data\":[{\"id\":\"engagement\",\"type\":\"engagement_drivers\"}]}");
            } else {
                write(out, "{\"data\":[]}");
            }
        }
    }

    private static void writeAnswers(OutputStream out, int page) throws IOException {
        write(out, "{\"data\":[");
        for (int i = 0; i < PER_PAGE; i++) {
            int id = page * PER_PAGE + i + 1;
            write(
                    out,
                    (i == 0 ? "" : ",") + "{\"id\":\"" + (900000 + id) + "\",\"type\":\"answers_export\","
                            + "\"attributes\":{\"answerId\":" + id + ",\"answerScore\":" + (id % 11)
                            + ",\"answerComment\":\"A free-text comment of moderate length for answer " + id
                            + ", about workload and recognition.\",\"questionId\":" + (id % 40) + ",\"questionText\":"
                            + "\"How likely is it you would recommend this company as a place to work?\",\"questionType\":"
                            + "\"scale\",\"categoryGroup\":\"engagement\",\"companyId\":22182,\"employeeId\":"
                            + (id % 2000)
                            + ",\"accountEmail\":\"person" + (id % 2000) + "@example.com\",\"responseAnsweredAt\":"
                            + "\"2026-11-02T10:15:00.000Z\",\"roundId\":" + (id % 7) + "}}");
        }
        String next = page + 1 < PAGES
                ? "\"/answers/export?per_page=" + PER_PAGE + "&continuation=p" + (page + 1) + "\""
                : "null";
        write(out, "],\"links\":{\"next\":" + next + "}}");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
