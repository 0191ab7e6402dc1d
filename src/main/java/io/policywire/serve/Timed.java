package io.policywire.serve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record of a contract topic as served: its value, untouched, and when this pipeline first and
 * last saw it (record timestamps, epoch milliseconds). Kept as JSON so serving reads the topic
 * contract, not another stage's classes.
 */
public record Timed(JsonNode value, long firstSeen, long lastSeen) {

  public Timed next(JsonNode newValue, long seenAt) {
    return new Timed(newValue, Math.min(firstSeen, seenAt), Math.max(lastSeen, seenAt));
  }
}
