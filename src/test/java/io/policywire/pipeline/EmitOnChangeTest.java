package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.TopicNames;
import io.policywire.kafka.TopicSpecs;
import org.junit.jupiter.api.Test;

class EmitOnChangeTest {

  @Test
  void shouldRememberWhatItWroteForAsLongAsRawArticlesCanBeReprocessed() {
    String rawRetention = TopicSpecs.fromClasspath(new TopicNames("")).stream()
        .filter(s -> s.name().equals("news.articles.raw")).findFirst().orElseThrow()
        .config().get("retention.ms");
    assertThat(EmitOnChange.HORIZON.toMillis()).isEqualTo(Long.parseLong(rawRetention));
  }

  @Test
  void shouldPackHashAndTimeIntoOneEntry() {
    byte[] entry = EmitOnChange.entry(-42L, 1_700_000_000_000L);
    assertThat(EmitOnChange.hashOf(entry)).isEqualTo(-42L);
    assertThat(EmitOnChange.timeOf(entry)).isEqualTo(1_700_000_000_000L);
  }
}
