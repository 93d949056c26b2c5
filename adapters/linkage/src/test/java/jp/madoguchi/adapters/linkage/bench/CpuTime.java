package jp.madoguchi.adapters.linkage.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by this JVM and by a PostgreSQL server (its postmaster, every live backend, and the
 * backends that have ended, which the kernel adds to the postmaster's children's time). On a shared 2-core VM a
 * step's wall time varies by a third from run to run; the CPU it takes varies much less, so the benchmarks print
 * both. Reads Linux's /proc; elsewhere the PostgreSQL figure is NaN.
 */
record CpuTime(double jvm, double postgres) {

    private static final double TICKS = 100.0;   // USER_HZ on Linux

    static CpuTime now(Path dataDirectory) {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new CpuTime(jvm, postgres(dataDirectory));
    }

    CpuTime since(CpuTime start) {
        return new CpuTime(jvm - start.jvm, postgres - start.postgres);
    }

    @Override
    public String toString() {
        return String.format("CPU: JVM %.1f s, PostgreSQL %.1f s", jvm, postgres);
    }

    private static double postgres(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            long ticks = fields(postmaster, 11, 12, 13, 14);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid != postmaster && parent(pid) == postmaster) {
                        ticks += fields(pid, 11, 12);
                    }
                }
            }
            return ticks / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long parent(long pid) {
        try {
            return fields(pid, 1);
        } catch (IOException e) {
            return -1;   // it ended meanwhile
        }
    }

    /** The sum of the given fields of /proc/pid/stat, counted from the state field (3rd in proc(5)) as 0. */
    private static long fields(long pid, int... indexes) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        List<String> after = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        long sum = 0;
        for (int i : indexes) {
            sum += Long.parseLong(after.get(i));
        }
        return sum;
    }
}
