package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import org.junit.jupiter.api.Test;

class NormalizeLanguageTest {

  private static final String ENGLISH = "The European Commission opened an investigation on "
      + "Tuesday into whether the company broke competition rules. Officials said the inquiry "
      + "would take at least a year.";
  private static final String FRENCH = "La Commission européenne a ouvert mardi une enquête pour "
      + "savoir si l'entreprise a enfreint les règles de concurrence. Selon les responsables, "
      + "l'enquête durera au moins un an.";
  private static final String GERMAN = "Die Europäische Kommission hat am Dienstag eine "
      + "Untersuchung eingeleitet, ob das Unternehmen gegen die Wettbewerbsregeln verstoßen hat. "
      + "Die Prüfung soll mindestens ein Jahr dauern.";
  private static final String SPANISH = "La Comisión Europea abrió el martes una investigación "
      + "para determinar si la empresa infringió las normas de competencia. Según los "
      + "funcionarios, la investigación durará al menos un año.";

  private final Normalizer normalizer = new Normalizer(1 << 20);

  private String language(String title, String body, String given) {
    return normalizer.normalize(new RawArticle("l", null, null, title, body, null, null, given))
        .language();
  }

  @Test
  void shouldDetectTheLanguageOfTheBody() {
    assertThat(language("T", ENGLISH, null)).isEqualTo("en");
    assertThat(language("T", FRENCH, null)).isEqualTo("fr");
    assertThat(language("T", GERMAN, null)).isEqualTo("de");
    assertThat(language("T", SPANISH, null)).isEqualTo("es");
  }

  @Test
  void shouldJudgeByTheBodyNotTheHeadline() {
    assertThat(language("La Commission ouvre une enquête sur les règles", ENGLISH, null))
        .isEqualTo("en");
  }

  @Test
  void shouldCorrectTheSourcesLanguageWhenTheBodyClearlySaysAnother() {
    assertThat(language("T", FRENCH, "en")).isEqualTo("fr");
  }

  @Test
  void shouldKeepTheSourcesMorePreciseTagForTheSameLanguage() {
    assertThat(language("T", ENGLISH, "en-GB")).isEqualTo("en-GB");
  }

  @Test
  void shouldFallBackToTheSourcesLanguageWhenTheBodyIsTooShortToTell() {
    assertThat(language("T", "Vote delayed again.", "de")).isEqualTo("de");
    assertThat(language("T", "Vote delayed again.", null)).isNull();
  }
}
