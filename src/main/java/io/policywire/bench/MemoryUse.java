package io.policywire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's memory: heap in use and the process's resident set. */
final class MemoryUse {

  private MemoryUse() {}

  private static long heapUsedMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /**
   * Heap in use after a full collection: what the live data takes, not how far the collector
   * let garbage pile up (which follows -Xmx, not the data).
   */
  static long heapAfterGcMb() {
    System.gc();
    return heapUsedMb();
  }

  /** Resident set size from /proc (Linux); -1 elsewhere. */
  static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
