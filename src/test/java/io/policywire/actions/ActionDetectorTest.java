package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.ActionMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionDetectorTest {

  private final TestEntities kb = TestEntities.standard();
  private final ActionDetector detector = new ActionDetector(kb);

  private List<ActionMention> detect(String text, String publishedAt) {
    return detector.detect(text, kb.tag(text), publishedAt);
  }

  @Test
  void shouldFindAnExecutiveOrderWithAuthorityTargetJurisdictionAndDate() {
    String text = "TikTok faces a deadline.\n\nTrump followed through on the threat on Thursday "
        + "by signing an executive order that gave Microsoft or another U.S. company until "
        + "Sept. 15 to acquire TikTok.";
    List<ActionMention> actions = detect(text, "2020-08-07T12:00:00Z");
    assertThat(actions).hasSize(1);
    ActionMention a = actions.get(0);
    assertThat(a.type()).isEqualTo("EXECUTIVE_ORDER");
    assertThat(a.authority()).isEqualTo("person:donald-trump");
    assertThat(a.targets()).containsExactly("org:tiktok");
    assertThat(a.jurisdiction()).isEqualTo("US");
    assertThat(a.date()).isEqualTo("2020-08-06");
    assertThat(a.status()).isEqualTo("ENACTED");
    assertThat(a.evidence()).startsWith("Trump followed through");
    assertThat(a.id()).isEqualTo("act:us:order:executive:tiktok:2020-08");
  }

  @Test
  void shouldGiveThreeReportsAndALaterBackgroundMentionOneId() {
    String first = detect("TikTok is in trouble. Donald Trump signed an executive order on "
        + "Thursday banning transactions with TikTok.", "2020-08-07T12:00:00Z").get(0).id();
    String second = detect("Donald Trump has already taken radical action ten days ago "
        + "against TikTok, which bans the app within 45 days.", "2020-08-17T18:00:00Z")
        .get(0).id();
    String third = detect("On Aug. 6, President Trump issued an executive order against "
        + "TikTok.", "2020-08-08T09:00:00Z").get(0).id();
    String background = detect("Skepticism over TikTok dates back to August 2020, when Donald "
        + "Trump issued an executive order to ban business with the app.",
        "2022-09-26T20:00:00Z").get(0).id();
    assertThat(List.of(second, third, background)).containsOnly(first);
  }

  @Test
  void shouldKeepTwoOrdersOfOneMonthApartByWhatTheyDo() {
    String text = "Donald Trump signed an executive order against TikTok ten days ago. On "
        + "Friday, August 14, he signed a second executive order to force ByteDance to sell "
        + "TikTok's US operations within 90 days.";
    List<ActionMention> actions = detect(text, "2020-08-17T18:00:00Z");
    assertThat(actions).extracting(ActionMention::type)
        .containsExactly("EXECUTIVE_ORDER", "DIVESTITURE_ORDER");
    assertThat(actions.get(1).authority()).as("he").isEqualTo("person:donald-trump");
    assertThat(actions.get(1).date()).isEqualTo("2020-08-14");
    assertThat(actions.get(1).targets()).contains("org:bytedance", "org:tiktok");
  }

  @Test
  void shouldMarkThreatsAsProposed() {
    ActionMention a = detect("President Donald Trump promised to ban TikTok from the United "
        + "States.", "2020-08-07T12:00:00Z").get(0);
    assertThat(a.type()).isEqualTo("BAN");
    assertThat(a.status()).isEqualTo("PROPOSED");
  }

  @Test
  void shouldRevokeTheEarlierActionTheRevocationPointsTo() {
    String text = "Scrutiny of TikTok dates back to August 2020, when Donald Trump issued an "
        + "executive order to ban business with the app. Trump's efforts were unsuccessful, as "
        + "President Joe Biden signed in June 2021 an executive order revoking that ban.";
    List<ActionMention> actions = detect(text, "2022-09-26T20:00:00Z");
    assertThat(actions).hasSize(2);
    ActionMention order = actions.get(0);
    ActionMention revocation = actions.get(1);
    assertThat(order.status()).isEqualTo("REVOKED");
    assertThat(revocation.type()).isEqualTo("REVOCATION");
    assertThat(revocation.authority()).isEqualTo("person:joe-biden");
    assertThat(revocation.date()).isEqualTo("2021-06");
    assertThat(revocation.affects()).isEqualTo(order.id());
    assertThat(revocation.targets()).contains("org:tiktok");
  }

  @Test
  void shouldFindExportControlsOnATechnologyByAForeignMinistry() {
    ActionMention a = detect("On late Friday, China's Ministry of Commerce updated its export "
        + "control categories to cover artificial intelligence technologies.",
        "2020-08-31T09:00:00Z").get(0);
    assertThat(a.type()).isEqualTo("EXPORT_CONTROL");
    assertThat(a.authority()).isEqualTo("gov:cn-mofcom");
    assertThat(a.jurisdiction()).isEqualTo("CN");
    assertThat(a.targets()).contains("tech:artificial-intelligence");
    assertThat(a.date()).isEqualTo("2020-08-28");
  }

  @Test
  void shouldTakeTheDateOfAnEarlierSentenceWhenTheTextPointsBack() {
    String text = "Back in June, a report leaked audio from TikTok meetings. Shortly after the "
        + "report went live, Federal Communications Commissioner Brendan Carr urged Apple and "
        + "Google to remove the app from their stores.";
    ActionMention a = detect(text, "2022-09-26T20:00:00Z").get(0);
    assertThat(a.type()).isEqualTo("DEMAND");
    assertThat(a.authority()).isEqualTo("person:brendan-carr");
    assertThat(a.targets()).contains("org:apple", "org:google", "org:tiktok");
    assertThat(a.date()).isEqualTo("2022-06");
    assertThat(a.id()).endsWith(":2022-06");
  }

  @Test
  void shouldNotTakeCompaniesOrJournalistsForAuthorities() {
    assertThat(detect("Microsoft is in advanced negotiations to buy TikTok.",
        "2020-08-17T00:00:00Z")).isEmpty();
    assertThat(detect("TikTok sued a rival over its ban on reposted videos.",
        "2020-08-17T00:00:00Z")).isEmpty();
    assertThat(detect("The FTC did not fine Meta $5 million.", "2020-08-17T00:00:00Z"))
        .isEmpty();
  }

  @Test
  void shouldKeyLegislationByTheLawSoIntroductionAndPassageShareAnId() {
    ActionMention introduced = detect("Senators introduced the RESTRICT Act on Tuesday to "
        + "give Commerce powers over TikTok.", "2023-03-09T00:00:00Z").get(0);
    ActionMention passed = detect("The Senate passed the RESTRICT Act, aimed at TikTok.",
        "2023-06-09T00:00:00Z").get(0);
    ActionMention signed = detect("President Joe Biden signed the RESTRICT Act into law.",
        "2023-07-09T00:00:00Z").get(0);
    assertThat(introduced.status()).isEqualTo("PROPOSED");
    assertThat(passed.status()).as("one chamber").isEqualTo("PROPOSED");
    assertThat(signed.status()).isEqualTo("ENACTED");
    assertThat(List.of(passed.id(), signed.id())).containsOnly(introduced.id());
    assertThat(introduced.id()).isEqualTo("act:us:legislation:us-restrict-act");
  }

  @Test
  void shouldReadALawsuitByARegulatorButNotAgainstOne() {
    ActionMention a = detect("The Federal Trade Commission sued Meta on Wednesday, seeking to "
        + "unwind its acquisitions.", "2020-12-10T00:00:00Z").get(0);
    assertThat(a.type()).isEqualTo("LAWSUIT");
    assertThat(a.authority()).isEqualTo("gov:us-ftc");
    assertThat(a.targets()).containsExactly("org:meta");
    assertThat(a.id()).isEqualTo("act:us:lawsuit:us-ftc:meta:2020");
  }

  @Test
  void shouldMarkAnEarlierActionChallengedWhenItsTargetSues() {
    String text = "The Commerce Department banned WeChat downloads on Friday. WeChat users and "
        + "WeChat sued in federal court on Monday.";
    List<ActionMention> actions = detect(text, "2020-09-22T00:00:00Z");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).status()).isEqualTo("CHALLENGED");
  }
}
