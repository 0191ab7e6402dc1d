package io.policywire.serve;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What the health endpoints report. Live fails only when Streams can no longer recover (ERROR,
 * or shutting down because of one), so an orchestrator restarts the process; ready requires
 * RUNNING, so a load balancer sends no queries to an instance still restoring its state.
 */
public interface Health {

  String state();

  boolean live();

  boolean ready();

  static Health of(KafkaStreams streams) {
    return new Health() {
      @Override
      public String state() {
        return streams.state().name();
      }

      @Override
      public boolean live() {
        KafkaStreams.State s = streams.state();
        return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR;
      }

      @Override
      public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
      }
    };
  }
}
