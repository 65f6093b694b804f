package io.clonus.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases one by one, each on a worker thread with a time limit, and counts their outcomes by
 * category: read fine, or refused with a kind of message (the message with its numbers and quoted values
 * blanked out). Anything else (another exception, a failed check, a time-out) is a failure, kept with the
 * case's description so that it can be reproduced from the seed.
 */
public final class FuzzTally {
    /** Time one case may take; a case normally takes well under a millisecond. */
    public static final Duration CASE_LIMIT = Duration.ofSeconds(10);

    /**
     * One case: returns {@code null} if the input was read, {@code "refused: "} and the message if it was
     * refused, or another outcome starting with {@code "read"}.
     */
    @FunctionalInterface
    public interface Case {
        String call() throws Exception;
    }

    private final String title;
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private ExecutorService worker = newWorker();
    private int total;

    public FuzzTally(String title) {
        this.title = title;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    public void run(String category, String description, Case c) {
        total++;
        Future<String> f = worker.submit(c::call);
        String outcome;
        try {
            String refused = f.get(CASE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            outcome = refused == null ? "read fine" : kind(refused);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is a daemon and is abandoned
            failures.add(category + " / " + description + ": did not finish within " + CASE_LIMIT.toSeconds() + " s");
            outcome = "FAILED";
        } catch (ExecutionException e) {
            failures.add(category + " / " + description + ": " + stackTop(e.getCause()));
            outcome = "FAILED";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        counts.computeIfAbsent(category, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    /** The message's shape: shown bytes and quoted values become '…', numbers N, cut at 90 characters. */
    static String kind(String message) {
        String k = message.replaceAll("\\\\x[0-9A-F]{2}", "?").replaceAll("'[^']*'", "'…'").replaceAll("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?", "N");
        return k.length() > 90 ? k.substring(0, 90) + "…" : k;
    }

    private static String stackTop(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String[] lines = s.toString().split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 6); i++) {
            b.append(i == 0 ? "" : " | ").append(lines[i].strip());
        }
        return b.toString();
    }

    public int total() {
        return total;
    }

    public List<String> categories() {
        return List.copyOf(counts.keySet());
    }

    public int fine(String category) {
        return counts.getOrDefault(category, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("read")).mapToInt(Map.Entry::getValue).sum();
    }

    public int refused(String category) {
        return counts.getOrDefault(category, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("refused")).mapToInt(Map.Entry::getValue).sum();
    }

    /** Prints the counts by category and outcome to standard output (the surefire output file). */
    public void print() {
        StringBuilder s = new StringBuilder(title + ": " + total + " cases\n");
        for (Map.Entry<String, Map<String, Integer>> c : counts.entrySet()) {
            int n = c.getValue().values().stream().mapToInt(Integer::intValue).sum();
            s.append("  ").append(c.getKey()).append(": ").append(n).append(" cases, ").append(fine(c.getKey()))
                    .append(" read fine, ").append(refused(c.getKey())).append(" refused\n");
            c.getValue().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> s.append(String.format("    %5d  %s%n", e.getValue(), e.getKey())));
        }
        System.out.print(s);
    }

    /** Fails with the first failures (at most 30) if any case failed. */
    public void assertNoFailures() {
        worker.shutdownNow();
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + total + " cases failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(30, failures.size()))));
        }
    }
}
