package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateResolverTest {

  private final DateResolver resolver = new DateResolver();

  /** A Friday. */
  private static final LocalDate FRI_2020_08_07 = LocalDate.of(2020, 8, 7);
  /** A Monday. */
  private static final LocalDate MON_2020_08_17 = LocalDate.of(2020, 8, 17);
  private static final LocalDate MON_2022_09_26 = LocalDate.of(2022, 9, 26);

  private String when(String sentence, LocalDate published) {
    ResolvedDate d = resolver.when(sentence, published);
    return d == null ? null : d.iso();
  }

  @ParameterizedTest(name = "{0} (published {1}) -> {2}")
  @CsvSource(delimiter = '|', value = {
      // absolute
      "He signed it on Aug. 14, 2020.|2020-08-17|2020-08-14",
      "He signed it on August 14.|2020-08-17|2020-08-14",
      "On Friday, August 14, he signed a second order.|2020-08-17|2020-08-14",
      "On Monday 17 August the company said so.|2020-08-17|2020-08-17",
      "The rule took effect on 2023-01-02.|2023-03-01|2023-01-02",
      "The ban was announced on December 20.|2021-01-05|2020-12-20",
      "The 3rd of March ruling stands.|2021-05-01|2021-03-03",
      // weekdays: the latest one not after publication
      "Trump followed through on Thursday by signing an order.|2020-08-07|2020-08-06",
      "The ministry acted on late Friday.|2020-08-31|2020-08-28",
      "The regulator said on Friday it would appeal.|2020-08-07|2020-08-07",
      "The regulator acted last Friday.|2020-08-07|2020-07-31",
      "The hearing will take place on Thursday.|2020-08-07|2020-08-13",
      "The vote is next Tuesday.|2020-08-07|2020-08-11",
      // relative
      "Trump took radical action ten days ago against the network.|2020-08-17|2020-08-07",
      "The FTC sued 3 days ago.|2020-08-17|2020-08-14",
      "The agency opened a probe two weeks ago.|2020-08-17|2020-08-03",
      "Regulators fined the company yesterday.|2020-08-17|2020-08-16",
      "The company was fined today.|2020-08-17|2020-08-17",
      "The court ruled a few months ago.|2020-08-17|2020-05",
      "The law passed two years ago.|2022-09-26|2020",
      "The agency acted last month.|2020-01-15|2019-12",
      "A bill was introduced last year.|2020-01-15|2019",
      // months and years
      "Back in June, a report leaked audio.|2022-09-26|2022-06",
      "In June, the ministry acted.|2022-02-01|2021-06",
      "Biden signed in June 2021 an executive order revoking that ban.|2022-09-26|2021-06",
      "Skepticism dates back to August 2020, when Trump issued an order.|2022-09-26|2020-08",
      "The video was posted in early August.|2020-08-17|2020-08",
      "Last April, ByteDance signed an agreement.|2020-08-07|2020-04",
      "Last August, the regulator opened a probe.|2020-08-07|2019-08",
      "The law will take effect next January.|2020-08-07|2021-01",
      "The agency has investigated the firm since 2019.|2020-08-07|2019",
      "This investigation began in late October of 2019.|2020-08-07|2019-10",
  })
  void shouldResolveAgainstThePublicationDate(String sentence, String published,
      String expected) {
    assertThat(when(sentence, LocalDate.parse(published))).isEqualTo(expected);
  }

  @Test
  void shouldMarkDeadlinesAndSkipThemWhenAskingWhenSomethingHappened() {
    String s = "Trump followed through on Thursday by signing an order that gave Microsoft "
        + "until Sept. 15 to acquire the app.";
    List<ResolvedDate> all = resolver.find(s, FRI_2020_08_07);
    assertThat(all).extracting(ResolvedDate::iso).containsExactly("2020-08-06", "2020-09-15");
    assertThat(all).extracting(ResolvedDate::deadline).containsExactly(false, true);
    assertThat(when("The company has until Sept. 15 to sell.", FRI_2020_08_07)).isNull();
  }

  @Test
  void shouldGiveOffsetsIntoTheSentence() {
    String s = "Back in June, a report leaked.";
    ResolvedDate d = resolver.when(s, MON_2022_09_26);
    assertThat(s.substring(d.start(), d.end())).isEqualTo("Back in June");
  }

  @Test
  void shouldFindNothingInSentencesWithoutDates() {
    assertThat(resolver.find("He signed two executive orders aimed at forcing a sale.",
        MON_2020_08_17)).isEmpty();
    assertThat(resolver.find("The company may appeal. It may 5 times.", MON_2020_08_17))
        .isEmpty();
    assertThat(resolver.find("The fine was $5 million on 45 days of revenue.", MON_2020_08_17))
        .isEmpty();
  }

  @Test
  void shouldNotInventImpossibleDays() {
    assertThat(resolver.find("It happened on February 30.", MON_2020_08_17)).isEmpty();
  }

  @Test
  void shouldBucketByMonthOrYear() {
    ResolvedDate day = resolver.when("on Thursday", FRI_2020_08_07);
    assertThat(day.monthBucket()).isEqualTo("2020-08");
    assertThat(day.yearBucket()).isEqualTo("2020");
    assertThat(resolver.when("in 2019", FRI_2020_08_07).monthBucket()).isEqualTo("2019");
  }
}
