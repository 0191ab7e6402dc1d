package io.policywire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used so far by one application's stream threads. Per article, it is the pipeline's
 * cost whatever else the machine runs at the time: these machines are shared, so wall-clock
 * throughput moves with the load while this does not.
 */
final class StreamThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private StreamThreadCpu() {}

  /** Nanoseconds of CPU of the live stream threads whose client id starts with the app id. */
  static long nanos(String applicationId) {
    long total = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(applicationId)
          && info.getThreadName().contains("-StreamThread-")) {
        total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }
}
