package dev.weft.bench.sleepers;

import dev.weft.bench.ChildJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link SleepersHeap} for every runtime, each in a fresh JVM, and prints one line per runtime:
 * {@code SleepersReport [TASKS [SLEEP_MILLIS]]}. Virtual threads run twice, on one carrier and on the default
 * scheduler, and only on JDK 21 and later.
 */
public final class SleepersReport {
    private SleepersReport() {
    }

    /** One child JVM: a runtime and the JVM options it runs under. */
    record Config(String label, String runtime, List<String> jvmOptions) {
    }

    public static void main(String[] args) throws Exception {
        String tasks = args.length > 0 ? args[0] : "1000000";
        String sleepMillis = args.length > 1 ? args[1] : "10000";
        for (Config config : configs()) {
            List<String> mainAndArgs = List.of(SleepersHeap.class.getName(), config.runtime(), tasks, sleepMillis);
            String output = ChildJvm.run(config.jvmOptions(), mainAndArgs).strip();
            System.out.println(config.label() + ": " + output.substring(output.lastIndexOf('\n') + 1));
        }
    }

    static List<Config> configs() {
        List<Config> configs = new ArrayList<>(List.of(
                new Config("weft", "weft", List.of()),
                new Config("kotlin", "kotlin", List.of()),
                new Config("completable-future", "completable-future", List.of())));
        if (Runtime.version().feature() >= 21) {
            configs.add(new Config("virtual-threads-one-carrier", "virtual-threads", ChildJvm.ONE_CARRIER));
            configs.add(new Config("virtual-threads", "virtual-threads", List.of()));
        }
        return configs;
    }
}
