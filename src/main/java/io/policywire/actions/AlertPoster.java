package io.policywire.actions;

import io.policywire.model.Alert;
import java.net.URI;

/** Delivers one alert to one webhook. */
public interface AlertPoster {

  /** The outcome of one delivery. */
  record Delivery(boolean delivered, int attempts, String reason) {}

  Delivery post(Alert alert, URI webhook) throws InterruptedException;
}
