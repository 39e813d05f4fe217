package io.newsflow.enrich.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Byte rate per CPU-second of the benchmark threads ({@code -prof io.newsflow.enrich.bench.CpuTimeProfiler}).
 * On shared cores a benchmark thread runs only part of the time, and its wall-clock rate says more
 * about the neighbours than about the code: "bytes.cpu" is "bytes" over the CPU time of JMH's
 * worker threads (JIT and GC threads left out), the rate per core; "cpu.share" is how much of a
 * core each worker got.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "byte rate per CPU-second of the benchmark threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuStart = workerCpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        double cpu = workerCpuNanos() - cpuStart;
        double wall = System.nanoTime() - wallStart;
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult("cpu.share", cpu / wall / benchmark.getThreads(), "cores", AggregationPolicy.AVG));
        Result bytes = result.getSecondaryResults().get("bytes");
        if (bytes != null && cpu > 0) {
            out.add(new ScalarResult("bytes.cpu", bytes.getScore() * wall / cpu, "B/cpu-s", AggregationPolicy.AVG));
        }
        return out;
    }

    /** JMH runs the benchmark method on threads it names "...-jmh-worker-N", kept across iterations. */
    private long workerCpuNanos() {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
