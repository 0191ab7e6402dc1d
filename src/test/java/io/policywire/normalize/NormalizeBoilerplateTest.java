package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizeBoilerplateTest {

  private static final String STORY = "The regulator opened an investigation on Monday into the "
      + "company's licensing terms, saying customers faced higher fees on rival clouds.\n\n"
      + "The company said it would cooperate and that its prices reflected its support costs, "
      + "which it said were higher when its software runs on other providers' hardware.";

  private static BodyCleaner.Cleaned clean(String text) {
    return BodyCleaner.clean(TextCleaner.clean(text));
  }

  @Test
  void shouldLiftAClosingWithAgencyCreditIntoOrigin() {
    BodyCleaner.Cleaned c = clean(STORY + "\n\nWith AFP");

    assertThat(c.origin()).isEqualTo("AFP");
    assertThat(c.text()).isEqualTo(STORY);
  }

  @Test
  void shouldKeepAWithLineThatIsASubheadingBecauseTheStoryGoesOn() {
    String text = "First paragraph of the story, long enough to be prose.\n\n"
        + "With Friends Like These\n\nThe second part of the story follows the subheading.";

    BodyCleaner.Cleaned c = clean(text);

    assertThat(c.origin()).isNull();
    assertThat(c.text()).isEqualTo(text);
  }

  @Test
  void shouldLiftSourceAgencyLinesBylinesAndNoticesWhereverTheyAre() {
    assertThat(clean(STORY + "\n\nSource: TechCrunch").origin()).isEqualTo("TechCrunch");
    assertThat(clean(STORY + "\n(Reuters)").origin()).isEqualTo("Reuters");
    assertThat(clean("By Reuters\n" + STORY).origin()).isEqualTo("Reuters");
    assertThat(clean(STORY + "\n\u00a9 Agence France-Presse 2024").origin()).isEqualTo("AFP");
    assertThat(clean("By Reuters\n" + STORY).text()).isEqualTo(STORY);
  }

  @Test
  void shouldTakeTheAgencyOutOfADatelineAndKeepThePlace() {
    BodyCleaner.Cleaned paris = clean("PARIS (AFP) \u2014 The French data protection authority "
        + "fined the company on Tuesday.");
    BodyCleaner.Cleaned dated = clean("WASHINGTON, June 3 (Reuters) - The Commerce Department "
        + "added firms to its list.");
    BodyCleaner.Cleaned bare = clean("(AP) \u2014 Lawmakers voted on Friday.");

    assertThat(paris.origin()).isEqualTo("AFP");
    assertThat(paris.text()).isEqualTo("PARIS \u2014 The French data protection authority fined "
        + "the company on Tuesday.");
    assertThat(dated.origin()).isEqualTo("Reuters");
    assertThat(dated.text()).startsWith("WASHINGTON, June 3 - The Commerce Department");
    assertThat(bare.origin()).isEqualTo("AP");
    assertThat(bare.text()).isEqualTo("Lawmakers voted on Friday.");
  }

  @Test
  void shouldRemoveAPhotoCaptionWithoutTakingItsCreditForTheOrigin() {
    BodyCleaner.Cleaned c = clean(STORY + "\nExecutives pose at an event in Beijing. (Twitter)\n"
        + "Ministers arrive for the summit. (Photo by Ann Lee/Getty Images)");

    assertThat(c.text()).isEqualTo(STORY);
    assertThat(c.origin()).isNull();
  }

  @Test
  void shouldCutTheTrailingBlockOfOtherStoriesAfterATailHeading() {
    BodyCleaner.Cleaned c = clean(STORY + "\n\nPopular posts from this blog\n\nThe hidden cost "
        + "of food delivery\n\nA long teaser about something else entirely, with commas, "
        + "that would otherwise look like prose.");

    assertThat(c.text()).isEqualTo(STORY);
  }

  @Test
  void shouldDropATailHeadingBeforeTheStoryWithoutLosingTheStory() {
    assertThat(clean("Related\n\n" + STORY).text()).isEqualTo(STORY);
  }

  @Test
  void shouldNeverTakeASentenceThatMentionsMoreStoriesForATailHeading() {
    String text = STORY + "\n\nMore stories emerged on Tuesday about the deal.\n\nIt closed.";

    assertThat(clean(text).text()).isEqualTo(TextCleaner.clean(text));
  }

  @Test
  void shouldRemoveShareAndSubscribePromptsButKeepProseAboutNewsletters() {
    String prose = "The company said in a newsletter to investors that revenue rose.";
    BodyCleaner.Cleaned c = clean("Skip to main content\nShare on Twitter\nShare this article\n"
        + STORY + "\nSign up for our newsletter to get the week's policy news in your inbox.\n"
        + "Follow us on Twitter, Facebook and LinkedIn for more updates.\n" + prose
        + "\nAdvertisement\nCopyright 2024. All rights reserved.");

    assertThat(c.text()).isEqualTo(STORY + "\n" + prose);
  }

  @Test
  void shouldRemoveStrayLettersAndRejoinADropCapWithItsWord() {
    assertThat(clean("P\n\nA photo has surfaced showing the executives.").text())
        .isEqualTo("A photo has surfaced showing the executives.");
    assertThat(clean("T\nhe European Parliament approved the rules.").text())
        .isEqualTo("The European Parliament approved the rules.");
    assertThat(clean("\u2022\n\u2014\nThe vote passed.").text()).isEqualTo("The vote passed.");
  }

  @Test
  void shouldRemoveRunsOfShareBarLabelsButKeepALoneSubheading() {
    String withBar = STORY + "\nShare\nCopy link\nFacebook\nBluesky\nFlipboard";
    String withHeading = "Opening paragraph of the story.\n\nMicrosoft bids\n\nClosing paragraph.";

    assertThat(clean(withBar).text()).isEqualTo(STORY);
    assertThat(clean(withHeading).text()).isEqualTo(withHeading);
  }

  @Test
  void shouldTakeAByLineAsTheBylineAndNotAsText() {
    BodyCleaner.Cleaned c = clean(STORY + "\nBy We'll Do It Live");

    assertThat(c.byline()).isEqualTo("We'll Do It Live");
    assertThat(c.text()).isEqualTo(STORY);
    assertThat(clean("By Monday the deal was done and the shares rose.").text())
        .isEqualTo("By Monday the deal was done and the shares rose.");
  }

  @Test
  void shouldBeIdempotent() {
    String messy = "Skip to main content\nP\n" + STORY + "\nSource: TechCrunch\nRelated\nOther";
    String once = clean(messy).text();

    assertThat(clean(once).text()).isEqualTo(once);
  }
}
