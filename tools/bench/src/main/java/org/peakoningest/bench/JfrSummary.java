package org.peakoningest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text digest of a JFR recording: where the CPU samples are (top frame, and every method on the stack), what is
 * allocated (by class and by allocating method, weighted by the sampled bytes) and how much time GC took. The
 * same questions {@code jfr print --events jdk.ExecutionSample / jdk.ObjectAllocationSample} answers, pre-aggregated.
 */
final class JfrSummary {

    private static final int TOP = 20;

    static String summarise(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> selfPackage = new HashMap<>();
        Map<String, Long> allocClass = new HashMap<>();
        Map<String, Long> allocSite = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long gcCount = 0;
        long gcNanos = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    String top = method(frames.get(0));
                    self.merge(top, 1L, Long::sum);
                    selfPackage.merge(pkg(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String m = method(frame);
                        if (seen.add(m)) {
                            inclusive.merge(m, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        allocSite.merge(firstOwnFrame(stack.getFrames()), weight, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcNanos += event.getDuration().toNanos();
                }
                default -> {}
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("JFR summary of ").append(recording.getFileName()).append('\n');
        out.append(String.format(
                "execution samples: %d; sampled allocation: %,d MB; GC: %d collections, %.2f s%n%n",
                samples, allocated >> 20, gcCount, gcNanos / 1e9));
        top(out, "CPU by package of the top frame (self)", selfPackage, samples, "samples");
        top(out, "CPU by method, self (top frame)", self, samples, "samples");
        top(out, "CPU by method, inclusive (anywhere on the stack)", inclusive, samples, "samples");
        top(out, "allocation by class (sampled bytes)", allocClass, allocated, "bytes");
        top(out, "allocation by site (first frame outside java.*/jdk.*)", allocSite, allocated, "bytes");
        return out.toString();
    }

    private static void top(StringBuilder out, String title, Map<String, Long> counts, long total, String unit) {
        out.append(title).append('\n');
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> out.append(String.format(
                        "  %5.1f%%  %,14d %s  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue(), unit, e.getKey())));
        out.append('\n');
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String pkg(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static String firstOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return method(frame);
            }
        }
        return method(frames.get(0));
    }

    private JfrSummary() {}
}
