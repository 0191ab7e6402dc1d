package io.policywire.serve;

import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the health endpoints report. Live fails only when Streams can no longer recover (ERROR,
 * shutting down because of one, or running with no stream thread left), so an orchestrator
 * restarts the process; ready requires RUNNING (every task assigned and its stores restored, so
 * queries see caught-up state) and the live feed reading, so a load balancer sends no queries or
 * browsers to an instance still starting or rebalancing.
 */
public interface Health {

  String state();

  boolean live();

  boolean ready();

  static Health of(KafkaStreams streams, BooleanSupplier feedReady) {
    return new Health() {
      @Override
      public String state() {
        return streams.state().name();
      }

      @Override
      public boolean live() {
        KafkaStreams.State s = streams.state();
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR) {
          return false;
        }
        return !(s == KafkaStreams.State.RUNNING && streams.metadataForLocalThreads().isEmpty());
      }

      @Override
      public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING && feedReady.getAsBoolean();
      }
    };
  }

  /** Before Streams exists: live (starting), not ready. */
  Health STARTING = new Health() {
    @Override
    public String state() {
      return "STARTING";
    }

    @Override
    public boolean live() {
      return true;
    }

    @Override
    public boolean ready() {
      return false;
    }
  };
}
