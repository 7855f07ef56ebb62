import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of bench/soak.sh: POST /api/v1/predict at a fixed rate (open loop: a slow answer does not slow the
 * sending), counting answers by status, printing a line a minute with the service's heap, and running a command
 * (the database restart) half-way. Run by the script with the JDK's single-file launcher:
 * {@code java bench/Soak.java <base url> <requests/s> <seconds> <restart command>}. Prints the number of 2xx
 * answers last, as {@code answered-2xx <n>}, for the script to compare with the rows stored.
 */
public class Soak {

    private static final String[] DEPARTMENTS = {"Sales", "Research & Development", "Human Resources"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        long seconds = Long.parseLong(args[2]);
        String restart = args.length > 3 ? args[3] : "";

        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        LongAdder ok = new LongAdder();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong counter = new AtomicLong();
        int maxInFlight = 2000;
        LongAdder skipped = new LongAdder();

        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / rate);
        long next = start;
        long end = start + seconds * 1_000_000_000L;
        boolean restarted = restart.isBlank();
        long nextReport = start + 60_000_000_000L;
        int minute = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (!restarted && now - start >= (end - start) / 2) {
                restarted = true;
                Thread.ofVirtual().start(() -> runRestart(restart));
            }
            if (now >= nextReport) {
                minute++;
                nextReport += 60_000_000_000L;
                System.out.printf("minute %d: sent %d, in flight %d, answers %s, heap used %s MiB%n", minute,
                        counter.get(), inFlight.get(), snapshot(byStatus), heapMiB(http, base));
            }
            if (now < next) {
                Thread.sleep(Duration.ofNanos(Math.min(next - now, 5_000_000)));
                continue;
            }
            // behind schedule by more than a second (the launcher compiling this file, a GC pause): skip ahead
            // rather than send the backlog as one burst, which would measure the burst, not the rate
            next = Math.max(next + intervalNanos, now - 1_000_000_000L);
            if (inFlight.get() >= maxInFlight) {
                skipped.increment();   // the service is far behind: do not pile up more than this on it
                continue;
            }
            long n = counter.incrementAndGet();
            inFlight.incrementAndGet();
            http.sendAsync(predict(base, n), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                String key = error != null ? "io-error" : String.valueOf(response.statusCode());
                byStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.increment();
                }
            });
        }
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        System.out.printf("done: sent %d in %d s (%.0f/s asked), not sent because %d were in flight: %d%n",
                counter.get(), seconds, rate, maxInFlight, skipped.sum());
        System.out.println("answers by status: " + snapshot(byStatus) + (inFlight.get() > 0
                ? ", still unanswered: " + inFlight.get() : ""));
        System.out.println("answered-2xx " + ok.sum());
    }

    private static HttpRequest predict(String base, long n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = String.format(
                "{\"employee_id\":\"S-%d\",\"features\":{\"age\":%d,\"monthly_income\":%d,\"overtime\":%s,"
                        + "\"job_satisfaction\":%d,\"years_at_company\":%d,\"department\":\"%s\"}}",
                n, random.nextInt(18, 61), random.nextInt(1000, 20001), random.nextDouble() < 0.3,
                random.nextInt(1, 5), random.nextInt(0, 31), DEPARTMENTS[random.nextInt(3)]);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/predict"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String token = System.getenv("MLLEDGER_SECURITY_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> byStatus) {
        Map<String, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    /** The sum of {@code jvm_memory_used_bytes{area="heap"}} on /prometheus, or "?" when it cannot be read. */
    private static String heapMiB(HttpClient http, String base) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/prometheus"))
                    .timeout(Duration.ofSeconds(5));
            String token = System.getenv("MLLEDGER_SECURITY_ADMIN_TOKEN");
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            String text = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            double bytes = text.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{")
                            && line.contains("area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            return bytes == 0 ? "?" : String.format("%.0f", bytes / 1048576);
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static void runRestart(String command) {
        System.out.println("restarting the database: " + command);
        try {
            Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            System.out.println("restart finished with exit code " + process.waitFor());
        } catch (IOException e) {
            System.out.println("restart failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
