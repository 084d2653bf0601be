package org.peakoningest.simulator;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar peakon-simulator.jar --port 8089 --employees 2000 --answers 200000 --seed 42 ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: java -jar peakon-simulator.jar [--flag value ...]   (env: SIM_FLAG_NAME)");
            SimulatorConfig.DEFAULTS.forEach((flag, value) -> System.out.printf("  --%-32s %-16s %s%n", flag,
                    value.isEmpty() ? "(empty)" : value, SimulatorConfig.envName(flag)));
            return;
        }
        SimulatorConfig config;
        try {
            config = SimulatorConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("peakon-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        PeakonSimulator sim;
        try {
            sim = PeakonSimulator.start(config);
        } catch (RuntimeException e) {
            System.err.println("peakon-simulator: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "peakon-sim-shutdown"));
        // The app token is a simulator value, not a secret: printing it tells the user what to configure.
        System.out.println("peakon-simulator listening on " + sim.baseUrl() + " (app token: " + config.appToken()
                + ")");
        System.out.flush();
        stopped.await();
    }
}
