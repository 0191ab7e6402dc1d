package io.policywire.tag.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The phenomena one by one; the labelled set in StanceEvaluationTest measures the whole. */
class StanceAnalyzerTest {

  private final StanceAnalyzer analyzer = new StanceAnalyzer();

  /** Text with entities marked [surface](id), as in cases.txt. */
  private List<StanceTag> analyze(String marked) {
    Matcher m = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)").matcher(marked);
    StringBuilder text = new StringBuilder();
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    int last = 0;
    while (m.find()) {
      text.append(marked, last, m.start());
      int s = text.length();
      text.append(m.group(1));
      spans.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(new int[] {s, text.length()});
      last = m.end();
    }
    text.append(marked.substring(last));
    List<EntityMention> entities = new ArrayList<>();
    spans.forEach((id, list) -> entities.add(new EntityMention(id, id,
        id.startsWith("person:") ? "PERSON" : id.startsWith("gov:") ? "GOV"
            : id.startsWith("gpe:") ? "GPE" : id.startsWith("law:") ? "LAW"
            : id.startsWith("product:") ? "PRODUCT" : "ORG", null,
        list.size(), 0.5, list)));
    return analyzer.analyze(text.toString(), entities);
  }

  @Test
  void shouldTagTheSubjectOfALegalVerbAgainstItsObject() {
    List<StanceTag> tags = analyze("[TikTok](org:tiktok) sued the [Trump administration](gov:us) on Monday.");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:tiktok", "gov:us", "AGAINST"));
    assertThat(tags.get(0).evidence()).isEqualTo("TikTok sued the Trump administration on Monday.");
    assertThat(tags.get(0).confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void shouldGiveAQuoteToTheSpeakerNamedAfterIt() {
    List<StanceTag> tags = analyze("\u201cThe [FTC](gov:ftc) is wrong and its case is baseless,\u201d"
        + " [Microsoft](org:microsoft) said.");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:microsoft", "gov:ftc", "AGAINST"));
  }

  @Test
  void shouldCarryASpeakerIntoTheNextQuotedSentence() {
    List<StanceTag> tags = analyze("\u201cWe tried for a year,\u201d [TikTok](org:tiktok) said."
        + " \u201cBut the [Commerce Department](gov:doc) has treated us unfairly.\u201d");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:tiktok", "gov:doc", "AGAINST"));
  }

  @Test
  void shouldTakeThePassiveAgentAsHolder() {
    List<StanceTag> tags = analyze("[Meta](org:meta) was criticized by the [FTC](gov:ftc).");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:ftc", "org:meta", "AGAINST"));
  }

  @Test
  void shouldReadNegationAndRefusal() {
    assertThat(analyze("The [DOJ](gov:doj) does not oppose [T-Mobile](org:tmobile)'s merger."))
        .extracting(StanceTag::stance).containsExactly("FAVOR");
    assertThat(analyze("[Google](org:google) refused to comply with the [court](gov:court)'s order."))
        .extracting(StanceTag::stance).containsExactly("AGAINST");
    assertThat(analyze("[Apple](org:apple) did not criticize the [Commission](gov:ec)."))
        .extracting(StanceTag::stance).containsExactly("NEUTRAL");
  }

  @Test
  void shouldScopeEachSideOfAContrast() {
    List<StanceTag> tags = analyze("[TikTok](org:tiktok) welcomed the [court](gov:court)'s ruling"
        + " but criticized the [Commerce Department](gov:doc).");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactlyInAnyOrder(tuple("org:tiktok", "gov:court", "FAVOR"),
            tuple("org:tiktok", "gov:doc", "AGAINST"));
  }

  @Test
  void shouldGiveTheStanceToWhoeverUrgesNotToTheOneUrged() {
    List<StanceTag> tags = analyze("[Josh Hawley](person:hawley) urged [Apple](org:apple) to ban"
        + " [TikTok](org:tiktok).");

    assertThat(tags).extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:hawley", "org:tiktok", "AGAINST"));
  }

  @Test
  void shouldSayNothingWhereTheTextTakesNoSide() {
    assertThat(analyze("[Microsoft](org:microsoft) and [Oracle](org:oracle) submitted bids.")).isEmpty();
    assertThat(analyze("[Zoom](org:zoom) was investigated last year.")).isEmpty();
    assertThat(analyze("[Huawei](org:huawei) is a threat, critics say.")).isEmpty();
    assertThat(analyzer.analyze("No entities here at all.", List.of())).isEmpty();
  }

  @Test
  void shouldNeverFailOnOddTextOrSpans() {
    java.util.Random random = new java.util.Random(42);
    String[] words = {"TikTok", "sued", "the", "\u201c", "\u201d", "\"", ",", ".", "said", "by",
        "was", "not", "but", "\n", "according", "to", "'s", "ban", "on", "he", "the company",
        "urged", "Mr.", "U.S.", "against", "\u2019s", ";", "criticized"};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < random.nextInt(60); i++) {
        text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
      }
      List<EntityMention> entities = new ArrayList<>();
      for (int e = 0; e < random.nextInt(5); e++) {
        int a = random.nextInt(text.length() + 2) - 1;
        int b = a + random.nextInt(12) - 2;
        entities.add(new EntityMention("org:e" + e, "E", random.nextBoolean() ? "ORG" : "PERSON",
            null, 1, 0.5, List.of(new int[] {a, b})));
      }

      List<StanceTag> tags = analyzer.analyze(text.toString(), entities);

      assertThat(tags).allSatisfy(t -> {
        assertThat(t.holder()).isNotEqualTo(t.target());
        assertThat(t.confidence()).isBetween(0.0, 1.0);
        assertThat(text.toString()).contains(t.evidence());
      });
    }
  }

  @Test
  void shouldLetTheArticleHoldAStanceOnlyInItsOwnLoadedWords() {
    assertThat(analyze("[Huawei](org:huawei) is a threat to every network."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("author", "org:huawei", "AGAINST"));
  }

  @Test
  void shouldFindExplicitNeutralPositionsButNoStanceInPlainReporting() {
    assertThat(analyze("The [Federal Trade Commission](gov:ftc) said it was neutral on"
        + " [Valve](org:valve)'s dispute with [Wolfire](org:wolfire) over store fees."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("gov:ftc", "org:valve", "NEUTRAL"),
            tuple("gov:ftc", "org:wolfire", "NEUTRAL"));
    assertThat(analyze("[Ofgem](gov:ofgem) takes no position on whether [Octopus](org:octopus)"
        + " should buy the rival supplier."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:ofgem", "org:octopus", "NEUTRAL"));
    assertThat(analyze("[Germany](gov:de) declined to side with either [Airbus](org:airbus) or"
        + " the [French government](gov:fr) in the row."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactlyInAnyOrder(tuple("gov:de", "org:airbus", "NEUTRAL"),
            tuple("gov:de", "gov:fr", "NEUTRAL"));
    assertThat(analyze("[Senator Lee](person:lee) said he was neither for nor against"
        + " [Uber](org:uber)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:lee", "org:uber", "NEUTRAL"));
    assertThat(analyze("The [SEC](gov:sec) stopped short of criticizing [Coinbase](org:coinbase)."))
        .isEmpty();
    assertThat(analyze("[Octopus](org:octopus)'s position on [Ofgem](gov:ofgem) is unclear."))
        .isEmpty();
    assertThat(analyze("[Ofgem](gov:ofgem) published its review of [Octopus](org:octopus)."))
        .isEmpty();
  }

  @Test
  void shouldFindTheHolderNamedInAppositionTitleOrRelativeClause() {
    assertThat(analyze("Norway's data protection chief, [Line Coll](person:coll), took aim at"
        + " [Meta](org:meta) on Monday."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:coll", "org:meta", "AGAINST"));
    assertThat(analyze("[Musk](person:musk) attacked the regulator, [Anna Berg](person:berg),"
        + " calling her biased."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("person:musk", "person:berg", "AGAINST"))
        .doesNotContain(tuple("person:berg", "person:musk", "AGAINST"));
    assertThat(analyze("[Texas](gov:tx) Attorney General [Ken Paxton](person:paxton) sued"
        + " [Google](org:google)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:paxton", "org:google", "AGAINST"));
    assertThat(analyze("The rules were drafted by [Vestager](person:vestager), who used them to"
        + " open an investigation into [Apple](org:apple)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("person:vestager", "org:apple", "AGAINST"));
  }

  @Test
  void shouldGiveANounsStanceToTheAgentNamedAfterItsTarget() {
    assertThat(analyze("[Apple](org:apple) said a judge had dismissed the lawsuit brought against"
        + " it by [Epic](org:epic) and the [Coalition](org:coalition)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:epic", "org:apple", "AGAINST"),
            tuple("org:coalition", "org:apple", "AGAINST"));
    assertThat(analyze("[Meta](org:meta) condemned the rules imposed by the [Commission](gov:ec)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:meta", "gov:ec", "AGAINST"));
  }

  @Test
  void shouldReadSummingUpPhrasesDecisionsAndPronounSubjects() {
    assertThat(analyze("[Texas](gov:tx) required porn sites to check ages, a law challenged by"
        + " the [Free Speech Coalition](ngo:fsc) and upheld by the [Supreme Court](gov:scotus)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("ngo:fsc", "gov:tx", "AGAINST"), tuple("gov:scotus", "gov:tx", "FAVOR"));
    assertThat(analyze("[Mozilla](org:mozilla) welcomed [Apple](org:apple)'s decision to drop"
        + " [WebKit](org:webkit) requirements."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:mozilla", "org:apple", "FAVOR"),
            tuple("org:mozilla", "org:webkit", "AGAINST"));
    assertThat(analyze("[Musk](person:musk) lashed out at [Ofcom](gov:ofcom) after it fined"
        + " [X](org:x)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("person:musk", "gov:ofcom", "AGAINST"), tuple("gov:ofcom", "org:x", "AGAINST"))
        .doesNotContain(tuple("person:musk", "org:x", "AGAINST"));
    assertThat(analyze("The [Federal Court](gov:fca) heard the case on Monday. [Epic](org:epic)"
        + " said the court had ignored the evidence."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:epic", "gov:fca", "AGAINST"));
  }

  @Test
  void shouldReadAWarningOfWhatANameWouldDoAsAStanceAgainstIt() {
    assertThat(analyze("[Valve](org:valve) opposed the merger, warning investors that"
        + " [Epic](org:epic) would raise prices."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:valve", "org:epic", "AGAINST"));
    assertThat(analyze("[Valve](org:valve) warned that prices would rise.")).isEmpty();
  }

  @Test
  void shouldTakeTheNameAPlaceOwnsNotThePlace() {
    assertThat(analyze("[Germany](gov:de)'s [Federal Cartel Office](gov:bkarta) fined"
        + " [Amazon](org:amazon) on Monday."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:bkarta", "org:amazon", "AGAINST"));
    assertThat(analyze("[Uber](org:uber) is a fierce critic of [Spain](gov:es)'s new"
        + " [Rider Law](org:rider-law)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:uber", "org:rider-law", "AGAINST"));
    assertThat(analyze("[Lyft](org:lyft) filed a lawsuit in [Spain](gov:es)'s"
        + " [Supreme Court](gov:es-court) against [Uber](org:uber)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:lyft", "org:uber", "AGAINST"));
  }

  @Test
  void shouldTellPromisesWarningsAndQuestionsFromStances() {
    assertThat(analyze("[Nokia](org:nokia) said it would comply with the new rules of the"
        + " [FCC](gov:fcc).")).isEmpty();
    assertThat(analyze("[Nokia](org:nokia) warned [EU](gov:eu) officials that shipments could"
        + " slow.")).isEmpty();
    assertThat(analyze("Asked about the row between [Nokia](org:nokia) and rival"
        + " [Ericsson](org:ericsson), the [FCC](gov:fcc) said it does not take sides in"
        + " commercial disputes."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactlyInAnyOrder(tuple("gov:fcc", "org:nokia", "NEUTRAL"),
            tuple("gov:fcc", "org:ericsson", "NEUTRAL"));
    assertThat(analyze("[Senator Kim](person:kim) said she had not yet formed a view about the"
        + " [Data Act](org:data-act)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:kim", "org:data-act", "NEUTRAL"));
  }

  @Test
  void shouldReadParticlesAttributionsAndCoordinatedTargets() {
    assertThat(analyze("[Ohio](gov:oh) Governor [Mike DeWine](person:dewine) signed a bill"
        + " pushing back the [Data Act](org:data-act)'s start date."))
        .extracting(StanceTag::target).doesNotContain("org:data-act");
    assertThat(analyze("[Nokia](org:nokia) will not sign the [Pact](org:alliance), its"
        + " policy chief [Anna Berg](person:berg) said."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:nokia", "org:alliance", "AGAINST"));
    assertThat(analyze("[Senator Kim](person:kim) said [Uber](org:uber) and [Lyft](org:lyft)"
        + " had been reckless."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactlyInAnyOrder(tuple("person:kim", "org:uber", "AGAINST"),
            tuple("person:kim", "org:lyft", "AGAINST"));
  }

  @Test
  void shouldReadExtraposedJudgementsCounterfactualsAndPairs() {
    assertThat(analyze("[Uber](org:uber) called it \"outrageous\" that [Spain](gov:es) would"
        + " tax drivers twice."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:uber", "gov:es", "AGAINST"));
    assertThat(analyze("[Lyft](org:lyft) said the [FTC](gov:ftc) should never have opened the"
        + " inquiry."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("org:lyft", "gov:ftc", "AGAINST"));
    assertThat(analyze("[Nokia](org:nokia) and [Ericsson](org:ericsson) backed the plan."
        + " [Huawei](org:huawei) criticized the two companies."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:huawei", "org:nokia", "AGAINST"),
            tuple("org:huawei", "org:ericsson", "AGAINST"));
  }

  // stance4: fresh sentences for the mechanisms of that branch (none is a blind8 sentence)

  @Test
  void shouldGiveLawsNoStanceAndReachThroughAccessAndMakers() {
    assertThat(analyze("[Google](org:google) said the [Kids Code](law:kids-code) would force it"
        + " to scan every photo."))
        .extracting(StanceTag::holder).doesNotContain("law:kids-code");
    assertThat(analyze("[Ofcom](gov:ofcom) blocked access to [Kiwi Farms](org:kiwi) in June."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:ofcom", "org:kiwi", "AGAINST"));
    assertThat(analyze("[India](gov:in) banned cameras from [Hikvision](org:hik)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:in", "org:hik", "AGAINST"));
  }

  @Test
  void shouldTakeTheNameAPlaceOrAnAppositionDescribes() {
    assertThat(analyze("[Uber](org:uber) was attacked by [French](gpe:fr) union leader"
        + " [Marc Roux](person:roux)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:roux", "org:uber", "AGAINST"));
    assertThat(analyze("[Spain](gpe:es)'s competition watchdog, the [CNMC](gov:cnmc), fined"
        + " [Booking](org:booking) last year."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:cnmc", "org:booking", "AGAINST"));
    assertThat(analyze("[Binance](org:binance) was sued by a trader in [Texas](gpe:tx)."))
        .extracting(StanceTag::holder).doesNotContain("gpe:tx");
  }

  @Test
  void shouldReverseAnUrgeNotToAndKeepTheUrgedOutOfItsObject() {
    assertThat(analyze("[EFF](ngo:eff) urged the [Senate](gov:senate) not to ban"
        + " [Signal](org:signal)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("ngo:eff", "org:signal", "FAVOR"));
    assertThat(analyze("[Mayor Lee](person:lee) praised the [Data Law](law:data-law) and urged"
        + " the [Council](gov:council) to approve it."))
        .extracting(StanceTag::target).doesNotContain("gov:council");
  }

  @Test
  void shouldFindTheHolderOfItsNounAndTheTargetOfItsPossessions() {
    assertThat(analyze("[Yelp](org:yelp) filed a brief backing [Epic](org:epic) in its"
        + " bitter lawsuit against [Google](org:google)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("org:epic", "org:google", "AGAINST"))
        .doesNotContain(tuple("org:yelp", "org:google", "AGAINST"));
    assertThat(analyze("[Huawei](org:huawei) said the [FCC](gov:fcc) had banned sales of its"
        + " routers."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("gov:fcc", "org:huawei", "AGAINST"));
  }

  @Test
  void shouldReadComplianceUnderProtestExpectationsAndNeutralStances() {
    assertThat(analyze("[Meta](org:meta) complied with the [Court](gov:court)'s order but said"
        + " it would appeal."))
        .extracting(StanceTag::stance).doesNotContain("FAVOR");
    assertThat(analyze("\"The [Data Act](law:data-act) was supposed to bring clarity,\" said"
        + " [Ana Ruiz](person:ruiz)."))
        .extracting(StanceTag::stance).doesNotContain("FAVOR");
    assertThat(analyze("The [Central Bank](gov:cb) said it was taking a neutral stance on"
        + " [Tether](org:tether)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:cb", "org:tether", "NEUTRAL"));
    assertThat(analyze("[Sony](org:sony) declined to comment on [Valve](org:valve)'s plans."))
        .isEmpty();
    assertThat(analyze("[Pat Ray](person:ray) accused [Uber](org:uber) of trying to crush"
        + " [Lyft](org:lyft)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:ray", "org:uber", "AGAINST"));
  }

  @Test
  void shouldGiveAnIngSpeechVerbToTheNameJustBeforeIt() {
    assertThat(analyze("[Lyft](org:lyft), whose founder [John Zimmer](person:zimmer) spent"
        + " months warning that the [Gig Act](law:gig) would ruin drivers, stayed quiet."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .contains(tuple("person:zimmer", "law:gig", "AGAINST"));
    assertThat(analyze("[Tim Lee](person:lee) came to [Ana Ruiz](person:ruiz)'s defence."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("person:lee", "person:ruiz", "FAVOR"));
  }

  @Test
  void shouldJudgeByTheAdjectiveOfAJudgementNoun() {
    assertThat(analyze("[Amnesty](ngo:amnesty) published a scathing report on [Meta](org:meta)."))
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("ngo:amnesty", "org:meta", "AGAINST"));
    assertThat(analyze("[Amnesty](ngo:amnesty) published a report on [Meta](org:meta)."))
        .isEmpty();
  }
}
