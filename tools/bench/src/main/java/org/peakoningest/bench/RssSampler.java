package org.peakoningest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Peak resident memory of child processes: {@code VmHWM} (the kernel's high-water mark of the resident set) from
 * {@code /proc/<pid>/status}, read every 100 ms while the process lives. The mark only grows, so the last reading
 * before the process exits is its peak (to within the last 100 ms). A child started through {@code setsid} may be
 * the JVM itself or its parent: the highest mark of the process and its descendants is taken.
 */
final class RssSampler implements AutoCloseable {

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Map<String, Long> cpuTicks = new ConcurrentHashMap<>();
    private final java.util.Set<String> alone = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler() {
        thread = new Thread(this::loop, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void watch(String name, long pid) {
        pids.put(name, pid);
        sample(name, pid);
    }

    /** Watches a process without its descendants (the harness itself, whose children are the stack). */
    void watchAlone(String name, long pid) {
        alone.add(name);
        watch(name, pid);
    }

    /** Reads once more and stops watching {@code name} (call before stopping a process that is still alive). */
    void finish(String name) {
        Long pid = pids.remove(name);
        if (pid != null) {
            sample(name, pid);
        }
    }

    /** Peak RSS in MiB per watched name (insertion order of first watch is not kept: sorted by name). */
    Map<String, Double> peaksMiB() {
        Map<String, Double> result = new LinkedHashMap<>();
        peakKb.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> result.put(e.getKey(), e.getValue() / 1024.0));
        return result;
    }

    Double peakMiB(String name) {
        Long kb = peakKb.get(name);
        return kb == null ? null : kb / 1024.0;
    }

    private void loop() {
        while (running) {
            pids.forEach(this::sample);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(String name, long pid) {
        java.util.List<ProcessHandle> descendants = alone.contains(name)
                ? java.util.List.of()
                : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(java.util.List.of());
        long max = hwmKb(pid);
        for (ProcessHandle child : descendants) {
            max = Math.max(max, hwmKb(child.pid()));
        }
        if (max > 0) {
            peakKb.merge(name, max, Math::max);
        }
        long ticks = cpuTicks(pid);
        for (ProcessHandle child : descendants) {
            ticks += cpuTicks(child.pid());
        }
        if (ticks > 0) {
            cpuTicks.merge(name, ticks, Math::max);
        }
    }

    /** CPU seconds (user + system) each watched process has used so far (its last reading once it has exited). */
    Map<String, Double> cpuSeconds() {
        pids.forEach(this::sample);
        Map<String, Double> result = new java.util.TreeMap<>();
        cpuTicks.forEach((name, ticks) -> result.put(name, ticks / 100.0));
        return result;
    }

    /** utime + stime of /proc/<pid>/stat, in clock ticks (USER_HZ = 100 on Linux). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long hwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited between two readings: its last reading stands
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
